package io.picolabs.twilio.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.OffsetDateTime;

/** Twilio's answer to a message it accepted ({@code 201}, status {@code queued} or later). */
public record SentMessage(
    String sid,
    String status,
    String to,
    String from,
    String body,
    @JsonbProperty("account_sid") String accountSid,
    @JsonbProperty("messaging_service_sid") String messagingServiceSid,
    @JsonbProperty("num_segments") Integer numSegments,
    @JsonbProperty("num_media") Integer numMedia,
    @JsonbProperty("error_code") Integer errorCode,
    @JsonbProperty("error_message") String errorMessage,
    @JsonbProperty("date_created") @JsonbTypeAdapter(TwilioDate.class) OffsetDateTime dateCreated,
    @JsonbProperty("date_sent") @JsonbTypeAdapter(TwilioDate.class) OffsetDateTime dateSent,
    @JsonbProperty("date_updated") @JsonbTypeAdapter(TwilioDate.class) OffsetDateTime dateUpdated,
    String direction) {}
