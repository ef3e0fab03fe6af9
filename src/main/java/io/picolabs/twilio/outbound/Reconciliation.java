package io.picolabs.twilio.outbound;

import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.PlacedCall;
import io.picolabs.twilio.rest.SentMessage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds, among what Twilio lists for the entry's To and From, the message or call that a request
 * whose answer was lost created, if it did, and says so only when it can tell.
 *
 * <p>A candidate is what this entry's request could have created: made through the REST API ({@code
 * direction} {@code outbound-api}: not a {@code <Message>} reply, not a {@code <Dial>} leg),
 * created no earlier than the entry (less {@link #SKEW_MILLIS} for the clocks), for a message the
 * same body, number of media and messaging service, and not already the SID of another entry.
 *
 * <p>Identical requests in doubt at once (the same text to the same number twice, both answers
 * lost: its <em>siblings</em>) cannot be told apart by what Twilio lists. Ordered by creation, the
 * entry at position {@code i} of {@code n} siblings takes the {@code i}th oldest candidate when
 * there are at least {@code n} (each of them went out: which SID is whose cannot matter, they are
 * the same message); none is none (none went out); fewer than {@code n} is {@link
 * Verdict#ambiguous}: some went out and which cannot be told, so the outcome is unknown rather than
 * a guess that drops one or sends one twice.
 */
final class Reconciliation {
  /** How far Twilio's clock and the database's may disagree. */
  static final long SKEW_MILLIS = 120_000;

  /** What Twilio's direction says of a message or call created through the REST API. */
  static final String CREATED_BY_API = "outbound-api";

  /** What the list says of an entry: found (with what), not there, or not to be told. */
  record Verdict<T>(Optional<T> found, String ambiguity) {
    static <T> Verdict<T> found(T item) {
      return new Verdict<>(Optional.of(item), null);
    }

    static <T> Verdict<T> none() {
      return new Verdict<>(Optional.empty(), null);
    }

    static <T> Verdict<T> ambiguous(String why) {
      return new Verdict<>(Optional.empty(), why);
    }

    boolean isAmbiguous() {
      return ambiguity != null;
    }

    /** The same verdict, what was found made into {@code mapper}'s answer. */
    <R> Verdict<R> map(Function<T, R> mapper) {
      return new Verdict<>(found.map(mapper), ambiguity);
    }
  }

  /**
   * Where an entry stands among its siblings.
   *
   * @param position the entry's place among them, oldest first, from 0
   * @param count how many there are, the entry included
   */
  record Siblings(int position, int count) {
    static final Siblings ALONE = new Siblings(0, 1);

    Siblings {
      if (count < 1 || position < 0 || position >= count) {
        throw new IllegalArgumentException("position " + position + " of " + count);
      }
    }
  }

  private Reconciliation() {}

  static Verdict<SentMessage> message(
      List<SentMessage> newestFirst,
      OutgoingSms sms,
      long createdMillis,
      Set<String> taken,
      Siblings siblings) {
    List<SentMessage> candidates = new ArrayList<>();
    for (SentMessage message : newestFirst) {
      if (CREATED_BY_API.equals(message.direction())
          && Objects.equals(message.to(), sms.to())
          && sameSender(message, sms)
          && Objects.equals(orEmpty(message.body()), orEmpty(sms.body()))
          && (message.numMedia() == null || message.numMedia() == sms.mediaUrls().size())
          && recent(message.dateCreated(), createdMillis)
          && !taken.contains(message.sid())) {
        candidates.add(0, message); // oldest first
      }
    }
    return verdict(candidates, siblings, "messages", SentMessage::sid);
  }

  static Verdict<PlacedCall> call(
      List<PlacedCall> newestFirst,
      String to,
      String from,
      long createdMillis,
      Set<String> taken,
      Siblings siblings) {
    List<PlacedCall> candidates = new ArrayList<>();
    for (PlacedCall call : newestFirst) {
      if (CREATED_BY_API.equals(call.direction())
          && Objects.equals(call.to(), to)
          && Objects.equals(call.from(), from)
          && recent(call.dateCreated(), createdMillis)
          && !taken.contains(call.sid())) {
        candidates.add(0, call);
      }
    }
    return verdict(candidates, siblings, "calls", PlacedCall::sid);
  }

  private static <T> Verdict<T> verdict(
      List<T> oldestFirst, Siblings siblings, String kind, Function<T, String> sid) {
    if (oldestFirst.isEmpty()) {
      return Verdict.none();
    }
    if (oldestFirst.size() >= siblings.count()) {
      return Verdict.found(oldestFirst.get(siblings.position()));
    }
    return Verdict.ambiguous(
        siblings.count()
            + " identical "
            + kind
            + " were in doubt and Twilio has "
            + oldestFirst.size()
            + " of them ("
            + String.join(", ", oldestFirst.stream().map(sid).toList())
            + "): which went out cannot be told");
  }

  /** A message sent through a messaging service carries its SID; one sent from a number, that. */
  private static boolean sameSender(SentMessage message, OutgoingSms sms) {
    return sms.messagingServiceSid() != null
        ? sms.messagingServiceSid().equals(message.messagingServiceSid())
        : Objects.equals(message.from(), sms.from());
  }

  private static boolean recent(OffsetDateTime created, long entryCreatedMillis) {
    return created == null
        || created.toInstant().toEpochMilli() >= entryCreatedMillis - SKEW_MILLIS;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
