package io.picolabs.twilio.rest;

import java.util.List;

/**
 * One page of Twilio's Calls list ({@code GET …/Calls.json}), newest first. Only the calls are
 * read: the paging members ({@code page}, {@code next_page_uri} …) are ignored, since only the
 * first page is ever asked for.
 */
public record CallPage(List<PlacedCall> calls) {}
