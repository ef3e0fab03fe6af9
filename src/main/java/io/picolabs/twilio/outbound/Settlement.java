package io.picolabs.twilio.outbound;

/**
 * Where a claimed entry goes next, and what is known of it then: the state, when it is due again
 * (for {@code pending} and {@code reconcile}), the counts of sends and checks, and what Twilio
 * said.
 */
record Settlement(
    OutboxEntry.State state,
    long dueMillis,
    int attempts,
    int checks,
    String sid,
    String status,
    Integer errorCode,
    String errorMessage,
    String reason) {

  static Settlement sent(OutboxEntry entry, int attempts, String sid, String status) {
    return new Settlement(
        OutboxEntry.State.SENT, 0, attempts, entry.checks, sid, status, null, null, null);
  }

  static Settlement failed(OutboxEntry entry, int attempts, Integer code, String message) {
    return new Settlement(
        OutboxEntry.State.FAILED, 0, attempts, entry.checks, null, null, code, message, null);
  }

  static Settlement retry(OutboxEntry entry, int attempts, long dueMillis, String reason) {
    return new Settlement(
        OutboxEntry.State.PENDING,
        dueMillis,
        attempts,
        entry.checks,
        null,
        null,
        null,
        null,
        reason);
  }

  static Settlement reconcile(
      OutboxEntry entry, int attempts, int checks, long dueMillis, String reason) {
    return new Settlement(
        OutboxEntry.State.RECONCILE, dueMillis, attempts, checks, null, null, null, null, reason);
  }

  static Settlement unknown(OutboxEntry entry, int checks, String reason) {
    return new Settlement(
        OutboxEntry.State.UNKNOWN, 0, entry.attempts, checks, null, null, null, null, reason);
  }
}
