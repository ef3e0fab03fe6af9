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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Twilio's retried deliveries. Twilio sends a retry of one webhook with the same {@code
 * I-Twilio-Idempotency-Token}; its first answer is given again, and the rules do not run twice (no
 * second SMS from one call), whichever instance behind a load balancer the retry reaches: answers
 * are kept in the shared database ({@link ReplayStore}) for {@code
 * twilio.webhook.idempotency-window-seconds} (300), then purged.
 *
 * <p>A retry that arrives while the first delivery is still being answered waits for that answer:
 * on this instance on the first delivery itself, up to the deadline and a second; on another by
 * polling the database, as long as Twilio waits for it ({@link #TWILIO_WAITS}, less two seconds).
 * If the first delivery's claim ends meanwhile without its rules having committed (its instance
 * died), the retry takes the delivery over and runs the rules, within what is left of Twilio's
 * wait. A retry that finds no answer in time answers the fallback. Every delivery with a token
 * costs a claim and an answer written to the database; one without a token (not from Twilio) costs
 * nothing.
 *
 * <p>A claim is a lease of the deadline and {@link #LEASE_MARGIN}, not the window: an instance that
 * dies while its rules run holds the delivery no longer than that, and a retry after it runs the
 * rules. What the rules commit records, in the same transaction, that they did ({@link
 * ReplayStore#rulesCommitted}); from then on the delivery is held for the window, answer or not, so
 * that no retry runs them twice. Every write of the claim's holder names its claim, so a holder
 * that outlived its lease (a pause longer than the deadline allows) writes nothing over its
 * successor's. Claims are compared across instances, so their times are the database's ({@link
 * DatabaseClock}).
 */
@ApplicationScoped
public class Replays {
  private static final Logger LOG = Logger.getLogger(Replays.class.getName());
  private static final long POLL_MILLIS = 25;

  /**
   * Beyond the deadline, how long a claim lasts: the fallback may wait a second for a commit under
   * way ({@link Deadline#COMMIT_WAIT}), after which nothing of the holder's commits.
   */
  static final Duration LEASE_MARGIN = Deadline.COMMIT_WAIT.plusSeconds(1);

  /** How long Twilio waits for a webhook's answer before it gives up on it (fixed by Twilio). */
  static final Duration TWILIO_WAITS = Duration.ofSeconds(15);

  /**
   * How long a claim's statements may take: a database held up (a lock, a stall) is given up on
   * after this, and the delivery is answered without its claim recorded rather than not at all.
   */
  static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

  /** The least time a retry taking a delivery over gives its rules; with less, the fallback. */
  private static final Duration LEAST_BUDGET = Duration.ofSeconds(1);

  /** The rules of one delivery. */
  @FunctionalInterface
  public interface Rules {
    /**
     * Their TwiML, answered within {@code budget} (the deadline, or what is left of it when a retry
     * took the delivery over); {@code rulesCommitted} is to run inside each commit of their
     * effects.
     */
    String answer(Runnable rulesCommitted, Duration budget);
  }

  @Inject WebhookSettings settings;
  @Inject ReplayStore store;
  @Inject DatabaseClock clock;

  private static final Runnable NOTHING = () -> {};

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
   * the window (or when a retry takes over a delivery whose instance died), the same text
   * afterwards. A {@code null} key is never remembered.
   */
  public String answer(String key, Rules rules, String fallback) {
    if (key == null) {
      return rules.answer(NOTHING, settings.deadline());
    }
    long arrived = System.nanoTime();
    String id = digest(key);
    String claim = UUID.randomUUID().toString();
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> local = answering.putIfAbsent(id, mine);
    if (local != null) {
      return await(local, fallback);
    }
    try {
      Claim claimed = claim(id, claim);
      // the deadline counts from the delivery's arrival: the claim's time is the rules' less
      Duration budget = left(settings.deadline(), arrived);
      if (claimed == Claim.TAKEN) {
        Waited waited = awaitStored(id, claim, arrived, fallback);
        if (waited.answer() != null) {
          mine.complete(waited.answer());
          return waited.answer();
        }
        budget = waited.budget(); // taken over
      }
      String text;
      try {
        text =
            rules.answer(
                claimed == Claim.UNRECORDED
                    ? NOTHING // no claim to mark: the rules' effects must not fail for it
                    : () -> store.rulesCommitted(id, claim, windowEnd()),
                budget);
      } catch (RuntimeException e) {
        forget(id, claim);
        mine.completeExceptionally(e);
        throw e;
      }
      remember(id, claim, text);
      mine.complete(text);
      return text;
    } finally {
      answering.remove(id, mine);
    }
  }

  /**
   * Whether this delivery's rules are this instance's to run, and whether the claim is recorded.
   */
  private enum Claim {
    CLAIMED,
    TAKEN,
    UNRECORDED
  }

  private Claim claim(String id, String claim) {
    try {
      clock.sync(); // a round trip at most once a second
      long now = clock.now();
      return store.claim(id, claim, now, now + lease().toMillis(), CLAIM_TIMEOUT)
          ? Claim.CLAIMED
          : Claim.TAKEN;
    } catch (RuntimeException e) {
      if (DuplicateKey.in(e)) {
        return Claim.TAKEN; // another instance claimed it at the same moment
      }
      // Without the database no retry can be recognised; answering is still better than not.
      LOG.log(Level.WARNING, "retried deliveries cannot be recognised: " + e, e);
      return Claim.UNRECORDED;
    }
  }

  private void remember(String id, String claim, String text) {
    try {
      store.answer(id, claim, text, windowEnd());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "answer not kept for retried deliveries: " + e, e);
    }
  }

  private void forget(String id, String claim) {
    try {
      store.release(id, claim);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed delivery not released; its retries get the fallback: " + e, e);
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

  /** What a retry waited for: an answer to give, or the delivery taken over with a budget. */
  private record Waited(String answer, Duration budget) {}

  /**
   * Waits for the answer of a delivery claimed elsewhere, or takes it over if its claim ends before
   * its rules committed. A delivery whose rules committed is answered by its holder within the
   * deadline, or never (the holder died): after the deadline and a second, the fallback. One still
   * running its rules is waited for as long as Twilio waits.
   */
  private Waited awaitStored(String id, String claim, long arrived, String fallback) {
    boolean takeovers = settings.deadline().compareTo(LEAST_BUDGET) >= 0;
    long answerBy = arrived + TWILIO_WAITS.minusSeconds(1).toNanos();
    long committedBy = arrived + TimeUnit.MILLISECONDS.toNanos(waitMillis());
    while (true) {
      Optional<ReplayStore.Held> held = store.find(id);
      if (held.isPresent() && held.get().answer() != null) {
        return new Waited(held.get().answer(), null);
      }
      long now = System.nanoTime();
      boolean committed = held.isPresent() && held.get().rulesCommitted();
      if (takeovers
          && !committed
          && (held.isEmpty() || held.get().expiresMillis() <= clock.now())) {
        Duration budget = Duration.ofNanos(answerBy - now);
        if (budget.compareTo(settings.deadline()) > 0) {
          budget = settings.deadline();
        }
        if (budget.compareTo(LEAST_BUDGET) >= 0 && claim(id, claim) == Claim.CLAIMED) {
          LOG.info("a retried delivery whose claim ended before its rules committed is taken over");
          return new Waited(null, budget);
        }
      }
      long until = committed || !takeovers ? committedBy : answerBy - LEAST_BUDGET.toNanos();
      if (now - until >= 0) {
        return new Waited(fallback, null);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Waited(fallback, null);
      }
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

  /** How long a claim holds its delivery while no effect of its rules committed. */
  private Duration lease() {
    Duration deadline = settings.deadline();
    // no deadline: the rules may run as long as they like; held for the window, as before leases
    return deadline.isZero() || deadline.isNegative()
        ? settings.idempotencyWindow()
        : deadline.plus(LEASE_MARGIN);
  }

  /** When the window of a delivery answered (or whose rules committed) now ends. */
  private long windowEnd() {
    return clock.now() + settings.idempotencyWindow().toMillis();
  }

  private long waitMillis() {
    return settings.deadline().toMillis() + 1000;
  }

  private static String digest(String key) {
    return HexFormat.of().formatHex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8)));
  }
}
