package io.picolabs.twilio.outbound;

import java.util.List;

/**
 * A message or call of the log, as {@code GET /messages} and {@code GET /calls} show it: the
 * outbox's state ({@code pending}, {@code sending}, {@code reconcile}, {@code sent}, {@code
 * failed}, {@code unknown}), Twilio's SID and status, and the statuses Twilio reported, in the
 * order they arrived.
 */
public record LogEntry(
    String id,
    String kind,
    String to,
    String from,
    String account,
    String state,
    String sid,
    String status,
    Integer errorCode,
    String errorMessage,
    String reason,
    int attempts,
    long createdMillis,
    long updatedMillis,
    List<Status> history) {

  /** One reported status; {@code forward} false for one that came after a later status. */
  public record Status(String status, long atMillis, Integer errorCode, boolean forward) {}

  static LogEntry of(OutboxEntry entry, List<Status> history) {
    return new LogEntry(
        entry.id,
        entry.kind,
        entry.to,
        entry.from,
        entry.account,
        entry.state,
        entry.sid,
        entry.status,
        entry.errorCode,
        entry.errorMessage,
        entry.reason,
        entry.attempts,
        entry.createdMillis,
        entry.updatedMillis,
        List.copyOf(history));
  }
}
