package io.picolabs.twilio.outbound;

import java.util.Map;

/**
 * The order in which Twilio's statuses of a message or a call follow each other, so that a callback
 * that arrives late (a {@code sent} after {@code delivered}: Twilio does not promise order) cannot
 * move a status back. Final statuses share a rank; {@code read} follows them.
 */
final class StatusOrder {
  /** The rank of a status that is not one of Twilio's: it never moves a status. */
  static final int UNRANKED = -1;

  private static final Map<String, Integer> MESSAGE =
      Map.ofEntries(
          Map.entry("accepted", 0),
          Map.entry("scheduled", 1),
          Map.entry("queued", 2),
          Map.entry("sending", 3),
          Map.entry("sent", 4),
          Map.entry("delivered", 5),
          Map.entry("undelivered", 5),
          Map.entry("failed", 5),
          Map.entry("canceled", 5),
          Map.entry("read", 6));

  private static final Map<String, Integer> CALL =
      Map.of(
          "queued", 0,
          "initiated", 1,
          "ringing", 2,
          "in-progress", 3,
          "completed", 4,
          "busy", 4,
          "failed", 4,
          "no-answer", 4,
          "canceled", 4);

  private StatusOrder() {}

  /** The rank of {@code status} for an entry of {@code kind} ({@code sms} or {@code call}). */
  static int rank(String kind, String status) {
    Integer rank = (OutboxStore.CALL.equals(kind) ? CALL : MESSAGE).get(status);
    return rank == null ? UNRANKED : rank;
  }
}
