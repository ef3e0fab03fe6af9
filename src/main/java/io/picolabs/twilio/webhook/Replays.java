package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.DuplicateKey;
import io.picolabs.twilio.event.ManagedScheduler;
import io.picolabs.twilio.schema.DatabaseClock;
import io.picolabs.twilio.security.Secrets;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Twilio's retried deliveries. Twilio sends a retry of one webhook with the same {@code
 * I-Twilio-Idempotency-Token}; its first answer is given again, and the rules' effects do not
 * happen twice (no second SMS from one call), whichever instance behind a load balancer the retry
 * reaches: answers are kept in the shared database ({@link ReplayStore}) for {@code
 * twilio.webhook.idempotency-window-seconds} (300), then purged.
 *
 * <p>A delivery writes nothing before its rules run. The first commit of their effects writes the
 * delivery's row in the same transaction ({@link ReplayStore#rulesCommitted}): the effects and the
 * claim on the delivery commit together or not at all, so an instance that dies before that commit
 * leaves nothing behind, and a retry is a first delivery. Two deliveries of one event at once both
 * run the rules; the first to commit holds the delivery, and the other's commit fails on the row's
 * key (its effects rolled back) and it answers what the first answered. The last rule's commit
 * writes the answer too (it is complete then), so a delivery whose rules write costs one write, as
 * one whose rules write nothing does (its row written with the answer).
 *
 * <p>A retry that finds the delivery's rules committed and no answer yet waits for the answer (on
 * this instance on the first delivery itself, on another by polling the database) up to the
 * deadline and a second, then answers the fallback: the effects are done, and running the rules
 * again could send twice. A delivery without a token (not from Twilio) costs nothing.
 *
 * <p>Times written to the rows are the database's ({@link DatabaseClock}), so that instances
 * compare them alike.
 */
@ApplicationScoped
public class Replays {
  private static final Logger LOG = Logger.getLogger(Replays.class.getName());
  private static final long POLL_MILLIS = 25;

  /**
   * How long looking a delivery up, or writing its answer, may take: a database held up (a lock, a
   * stall) is given up on after this, and the delivery is answered without being recorded rather
   * than not at all.
   */
  static final Duration FIND_TIMEOUT = Duration.ofSeconds(2);

  /** The least time the rules are given when looking the delivery up took long. */
  private static final Duration LEAST_BUDGET = Duration.ofSeconds(1);

  /** The rules of one delivery. */
  @FunctionalInterface
  public interface Rules {
    /**
     * Their TwiML, answered within {@code budget} (what is left of the deadline); {@code
     * rulesCommitted} is to run inside each commit of their effects, given the TwiML when it is
     * complete at that commit (the last rule's), else {@code null}.
     */
    String answer(Consumer<String> rulesCommitted, Duration budget);
  }

  /** A delivery whose rules' commit found another delivery of the same event committed first. */
  static final class AnsweredElsewhere extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    AnsweredElsewhere(Throwable cause) {
      super(
          "another delivery of this event committed its rules first: these effects are dropped",
          cause);
    }
  }

  @Inject WebhookSettings settings;
  @Inject ReplayStore store;
  @Inject DatabaseClock clock;
  @Inject PendingAnswers pending;

  private static final Consumer<String> NOTHING = answer -> {};

  // deliveries being answered on this instance, for retries that reach it meanwhile
  private final Map<String, CompletableFuture<String>> answering = new ConcurrentHashMap<>();
  private ScheduledFuture<?> purge;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long period = Math.max(1, settings.idempotencyWindow().toSeconds());
    purge =
        ManagedScheduler.repeat(
            Duration.ofSeconds(period),
            LOG,
            "could not remove expired webhook answers",
            () -> store.purge(clock.now()));
  }

  @PreDestroy
  void stop() {
    if (purge != null) {
      purge.cancel(false);
    }
  }

  /**
   * The answer for a delivery: computed by {@code rules} the first time {@code key} is seen within
   * the window (or again, if no commit of its rules was kept), the same text afterwards. A {@code
   * null} key is never remembered.
   */
  public String answer(String key, Rules rules, String fallback) {
    if (key == null) {
      return rules.answer(NOTHING, settings.deadline());
    }
    long arrived = System.nanoTime();
    String id = digest(key);
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> local = answering.putIfAbsent(id, mine);
    if (local != null) {
      return await(local, fallback);
    }
    boolean handedOver = false; // to the writer of answers, which forgets mine once written
    try {
      Lookup found = lookUp(id, arrived, fallback);
      if (found.answer() != null) {
        mine.complete(found.answer());
        return found.answer();
      }
      String claim = UUID.randomUUID().toString();
      // read before the rules: inside their transaction the database's clock stands still
      long committedUntil = found.recorded() ? windowEnd() : 0;
      AtomicBoolean committing = new AtomicBoolean();
      AtomicBoolean elsewhere = new AtomicBoolean();
      // the answer written with the last rule's commit: if the delivery answers it, it is kept
      AtomicReference<String> written = new AtomicReference<>();
      Consumer<String> rulesCommitted =
          !found.recorded()
              ? NOTHING // no database to record in: the rules' effects must not fail for it
              : answerSoFar -> {
                committing.set(true);
                try {
                  store.rulesCommitted(id, claim, committedUntil, answerSoFar);
                  written.set(answerSoFar);
                } catch (RuntimeException e) {
                  if (DuplicateKey.in(e)) {
                    elsewhere.set(true);
                    throw new AnsweredElsewhere(e);
                  }
                  throw e;
                }
              };
      String text;
      try {
        text = rules.answer(rulesCommitted, left(settings.deadline(), arrived));
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        throw e;
      }
      if (elsewhere.get()) {
        text = awaitCommitted(id, arrived, fallback);
      }
      mine.complete(text);
      if (!elsewhere.get() && found.recorded() && !text.equals(written.get())) {
        // Written with the effects already, unless the answer changed after the last commit (the
        // deadline's fallback). If that commit rolled back, no row holds it, and none should: a
        // retry then runs the rules, whose effects did not happen; so the fallback is kept only on
        // the row of rules that committed. A retry that reaches this instance before the answer is
        // written gets it from memory meanwhile.
        pending.write(
            new PendingAnswers.Pending(
                id,
                claim,
                text,
                windowEnd(),
                committing.get(),
                text.equals(fallback),
                () -> answering.remove(id, mine)));
        handedOver = true;
      }
      return text;
    } finally {
      if (!handedOver) {
        answering.remove(id, mine);
      }
    }
  }

  /**
   * What looking a delivery up found: its answer (stored, or the fallback), or none, the rules to
   * run, {@code recorded} whether the database can record this delivery.
   */
  private record Lookup(String answer, boolean recorded) {}

  private Lookup lookUp(String id, long arrived, String fallback) {
    Optional<ReplayStore.Held> held;
    try {
      held = store.find(id, FIND_TIMEOUT);
    } catch (RuntimeException e) {
      // Without the database no retry can be recognised; answering is still better than not.
      LOG.log(Level.WARNING, "retried deliveries cannot be recognised: " + e, e);
      return new Lookup(null, false);
    }
    if (held.isEmpty()) {
      return new Lookup(null, true); // the common case: a first delivery
    }
    try {
      return awaitHeld(id, held.get(), arrived, fallback);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "retried deliveries cannot be recognised: " + e, e);
      return new Lookup(null, false);
    }
  }

  /**
   * Waits for the answer of a delivery whose rules committed elsewhere: it comes within the
   * deadline and a second, or never (its instance died between the commit and the answer), then the
   * fallback.
   */
  private String awaitCommitted(String id, long arrived, String fallback) {
    long until = arrived + TimeUnit.MILLISECONDS.toNanos(waitMillis());
    while (true) {
      Optional<String> answer;
      try {
        answer = store.find(id, FIND_TIMEOUT).map(ReplayStore.Held::answer);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a retried delivery's answer cannot be read: " + e, e);
        return fallback;
      }
      if (answer.isPresent()) {
        return answer.get();
      }
      if (System.nanoTime() - until >= 0 || !pause()) {
        return fallback;
      }
    }
  }

  /**
   * A delivery that has a row: its answer; or, its rules committed, the answer awaited; or, claimed
   * before its rules ran by an instance of a release before 2026-12, waited for until its claim
   * ends, then run here if its rules did not commit meanwhile.
   */
  private Lookup awaitHeld(String id, ReplayStore.Held held, long arrived, String fallback) {
    long until = arrived + TimeUnit.MILLISECONDS.toNanos(waitMillis());
    ReplayStore.Held now = held;
    while (true) {
      if (now.answer() != null) {
        return new Lookup(now.answer(), true);
      }
      if (now.rulesCommitted()) {
        return new Lookup(awaitCommitted(id, arrived, fallback), true);
      }
      long at = clock.now();
      if (now.expiresMillis() <= at && store.takeOver(id, at)) {
        return new Lookup(null, true);
      }
      if (System.nanoTime() - until >= 0 || !pause()) {
        return new Lookup(fallback, true);
      }
      Optional<ReplayStore.Held> again = store.find(id, FIND_TIMEOUT);
      if (again.isEmpty()) {
        return new Lookup(null, true);
      }
      now = again.get();
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(POLL_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String await(CompletableFuture<String> earlier, String fallback) {
    try {
      return earlier.get(waitMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TwilioWebhook.Unavailable unavailable) {
        throw unavailable; // the same passing failure: this retry too gets its 503
      }
      return fallback;
    } catch (TimeoutException e) {
      return fallback;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    }
  }

  /** What is left of {@code deadline} (no deadline: none) counted from {@code arrived}. */
  private static Duration left(Duration deadline, long arrived) {
    if (deadline.isZero() || deadline.isNegative()) {
      return deadline;
    }
    Duration left = deadline.minusNanos(System.nanoTime() - arrived);
    return left.compareTo(LEAST_BUDGET) < 0 ? LEAST_BUDGET : left;
  }

  /** When the window of a delivery answered (or whose rules committed) now ends. */
  private long windowEnd() {
    try {
      clock.sync(); // a round trip at most once a second
    } catch (RuntimeException e) {
      LOG.fine(() -> "the database's clock not read again (" + e + "): the last offset serves");
    }
    return clock.now() + settings.idempotencyWindow().toMillis();
  }

  private long waitMillis() {
    return settings.deadline().toMillis() + 1000;
  }

  private static String digest(String key) {
    return HexFormat.of().formatHex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8)));
  }
}
