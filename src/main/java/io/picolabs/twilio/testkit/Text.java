package io.picolabs.twilio.testkit;

import java.util.List;

/**
 * A text message: one a TwiML answer sends ({@code Message}), one Twilio's fake REST API delivered,
 * or one the simulated phone sent.
 */
public record Text(String from, String to, String body, List<String> media) {
  public Text {
    media = List.copyOf(media);
  }
}
