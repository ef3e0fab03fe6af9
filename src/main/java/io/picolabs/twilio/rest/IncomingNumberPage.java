package io.picolabs.twilio.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * One page of Twilio's IncomingPhoneNumbers list ({@code GET …/IncomingPhoneNumbers.json}). Only
 * the numbers are read: a lookup by {@code PhoneNumber} never needs a second page.
 */
public record IncomingNumberPage(
    @JsonbProperty("incoming_phone_numbers") List<IncomingNumber> numbers) {}
