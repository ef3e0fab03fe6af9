package io.picolabs.twilio.rest;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Twilio's REST dates are RFC 2822 ({@code Thu, 30 Jul 2015 20:12:31 +0000}), not ISO 8601. */
public class TwilioDate implements JsonbAdapter<OffsetDateTime, String> {

  @Override
  public String adaptToJson(OffsetDateTime date) {
    return date == null ? null : DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
  }

  @Override
  public OffsetDateTime adaptFromJson(String text) {
    return text == null ? null : OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
  }
}
