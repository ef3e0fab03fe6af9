package io.picolabs.twilio.testkit;

/** Which {@code StatusCallbackEvent} of a call reports which status, as Twilio maps them. */
final class CallEvents {
  private CallEvents() {}

  /**
   * The event reporting {@code status}: {@code queued} and {@code initiated} are {@code initiated},
   * {@code in-progress} is {@code answered}, every final status is {@code completed}.
   */
  static String eventOf(String status) {
    return switch (status) {
      case "queued", "initiated" -> "initiated";
      case "ringing" -> "ringing";
      case "in-progress", "answered" -> "answered";
      default -> "completed"; // completed, busy, failed, no-answer, canceled
    };
  }
}
