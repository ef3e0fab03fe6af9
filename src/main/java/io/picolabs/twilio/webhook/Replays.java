package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.DuplicateKey;
import io.picolabs.twilio.event.ManagedScheduler;
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
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Twilio's retried deliveries. Twilio sends a retry of one webhook with the same {@code
 * I-Twilio-Idempotency-Token}; its first answer is given again, and the rules do not run twice (no
 * second SMS from one call), whichever instance behind a load balancer the retry reaches: answers
 * are kept in the shared database ({@link ReplayStore}) for {@code
 * twilio.webhook.idempotency-window-seconds} (300), then purged.
 *
 * <p>A retry that arrives while the first delivery is still being answered waits for that answer,
 * up to the deadline (and a second), then answers the fallback: on this instance it waits on the
 * first delivery itself, on another it polls the database. Every delivery with a token costs a
 * claim and an answer written to the database; one without a token (not from Twilio) costs nothing.
 *
 * <p>A claim is a lease of the deadline and {@link #LEASE_MARGIN}, not the window: an instance that
 * dies while its rules run holds the delivery no longer than that, and a retry after it runs the
 * rules. What the rules commit records, in the same transaction, that they did ({@link
 * ReplayStore#rulesCommitted}); from then on the delivery is held for the window, answer or not, so
 * that no retry runs them twice. Every write of the claim's holder names its claim, so a holder
 * that outlived its lease (a pause longer than the deadline allows) writes nothing over its
 * successor's.
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

  @Inject WebhookSettings settings;
  @Inject ReplayStore store;

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
            () -> store.purge(System.currentTimeMillis()));
  }

  @PreDestroy
  void stop() {
    if (purge != null) {
      purge.cancel(false);
    }
  }

  /**
   * The answer for a delivery: computed by {@code answer} the first time {@code key} is seen within
   * the window, the same text afterwards. {@code answer} is given a statement to run inside each
   * commit of the rules' effects. A {@code null} key is never remembered.
   */
  public String answer(String key, Function<Runnable, String> answer, String fallback) {
    if (key == null) {
      return answer.apply(NOTHING);
    }
    String id = digest(key);
    String claim = UUID.randomUUID().toString();
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> local = answering.putIfAbsent(id, mine);
    if (local != null) {
      return await(local, fallback);
    }
    try {
      Claim claimed = claim(id, claim);
      if (claimed == Claim.TAKEN) {
        String text = awaitStored(id, fallback);
        mine.complete(text);
        return text;
      }
      String text;
      try {
        text =
            answer.apply(
                claimed == Claim.UNRECORDED
                    ? NOTHING // no claim to mark: the rules' effects must not fail for it
                    : () -> store.rulesCommitted(id, claim, windowEnd()));
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
    long now = System.currentTimeMillis();
    try {
      return store.claim(id, claim, now, now + lease().toMillis()) ? Claim.CLAIMED : Claim.TAKEN;
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

  private String awaitStored(String id, String fallback) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis());
    while (true) {
      Optional<String> stored = store.answerOf(id);
      if (stored.isPresent()) {
        return stored.get();
      }
      if (System.nanoTime() - until >= 0) {
        return fallback;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fallback;
      }
    }
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
    return System.currentTimeMillis() + settings.idempotencyWindow().toMillis();
  }

  private long waitMillis() {
    return settings.deadline().toMillis() + 1000;
  }

  private static String digest(String key) {
    return HexFormat.of().formatHex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8)));
  }
}
