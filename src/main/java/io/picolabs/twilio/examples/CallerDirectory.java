package io.picolabs.twilio.examples;

import java.util.Map;

/** The seed's directory of callers, keyed by the number as Twilio sends it in {@code From}. */
final class CallerDirectory {
  private static final Map<String, String> NAMES =
      Map.of(
          "+911", "The Man",
          "+8015552311", "Big Bird",
          "+8029875634", "Scam Artist");

  private CallerDirectory() {}

  /** The caller's name, or "Monkey" for a number the directory does not know (or none). */
  static String nameOf(String callerId) {
    return callerId == null ? "Monkey" : NAMES.getOrDefault(callerId, "Monkey");
  }
}
