package io.picolabs.twilio.outbound;

import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.PlacedCall;
import io.picolabs.twilio.rest.SentMessage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, among what Twilio lists for the entry's To and From, the message or call that a request
 * whose answer was lost created, if it did: created no earlier than the entry (less {@link #SKEW}
 * for the clocks), the same body for a message, and not already the SID of another entry. The
 * oldest such one is taken: an entry's first request is the one whose answer was lost.
 */
final class Reconciliation {
  /** How far Twilio's clock and ours may disagree. */
  static final long SKEW_MILLIS = 120_000;

  private Reconciliation() {}

  static Optional<SentMessage> message(
      List<SentMessage> listed, OutgoingSms sms, long createdMillis, Set<String> taken) {
    SentMessage found = null;
    for (SentMessage message : listed) {
      if (Objects.equals(message.to(), sms.to())
          && Objects.equals(orEmpty(message.body()), orEmpty(sms.body()))
          && recent(message.dateCreated(), createdMillis)
          && !taken.contains(message.sid())) {
        found = message; // newest first: the last match is the oldest
      }
    }
    return Optional.ofNullable(found);
  }

  static Optional<PlacedCall> call(List<PlacedCall> listed, long createdMillis, Set<String> taken) {
    PlacedCall found = null;
    for (PlacedCall call : listed) {
      if (recent(call.dateCreated(), createdMillis) && !taken.contains(call.sid())) {
        found = call;
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean recent(OffsetDateTime created, long entryCreatedMillis) {
    return created == null
        || created.toInstant().toEpochMilli() >= entryCreatedMillis - SKEW_MILLIS;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
