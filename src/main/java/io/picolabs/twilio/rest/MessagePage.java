package io.picolabs.twilio.rest;

import java.util.List;

/**
 * One page of Twilio's Messages list ({@code GET …/Messages.json}), newest first. Only the messages
 * are read: the paging members ({@code page}, {@code next_page_uri} …) are ignored, since only the
 * first page is ever asked for.
 */
public record MessagePage(List<SentMessage> messages) {}
