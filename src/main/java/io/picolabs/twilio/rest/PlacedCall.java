package io.picolabs.twilio.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.OffsetDateTime;

/** Twilio's answer to a call it accepted ({@code 201}, status {@code queued}). */
public record PlacedCall(
    String sid,
    String status,
    String to,
    String from,
    String direction,
    @JsonbProperty("account_sid") String accountSid,
    @JsonbProperty("date_created") @JsonbTypeAdapter(TwilioDate.class) OffsetDateTime dateCreated,
    @JsonbProperty("date_updated") @JsonbTypeAdapter(TwilioDate.class)
        OffsetDateTime dateUpdated) {}
