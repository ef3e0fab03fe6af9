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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
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
 */
@ApplicationScoped
public class Replays {
  private static final Logger LOG = Logger.getLogger(Replays.class.getName());
  private static final long POLL_MILLIS = 25;

  @Inject WebhookSettings settings;
  @Inject ReplayStore store;

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
   * the window, the same text afterwards. A {@code null} key is never remembered.
   */
  public String answer(String key, Supplier<String> answer, String fallback) {
    if (key == null) {
      return answer.get();
    }
    String id = digest(key);
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> local = answering.putIfAbsent(id, mine);
    if (local != null) {
      return await(local, fallback);
    }
    try {
      if (!claim(id)) {
        String text = awaitStored(id, fallback);
        mine.complete(text);
        return text;
      }
      String text;
      try {
        text = answer.get();
      } catch (RuntimeException e) {
        forget(id);
        mine.completeExceptionally(e);
        throw e;
      }
      remember(id, text);
      mine.complete(text);
      return text;
    } finally {
      answering.remove(id, mine);
    }
  }

  private boolean claim(String id) {
    long now = System.currentTimeMillis();
    try {
      return store.claim(id, now, now + settings.idempotencyWindow().toMillis());
    } catch (RuntimeException e) {
      if (DuplicateKey.in(e)) {
        return false; // another instance claimed it at the same moment
      }
      // Without the database no retry can be recognised; answering is still better than not.
      LOG.log(Level.WARNING, "retried deliveries cannot be recognised: " + e, e);
      return true;
    }
  }

  private void remember(String id, String text) {
    try {
      store.answer(id, text);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "answer not kept for retried deliveries: " + e, e);
    }
  }

  private void forget(String id) {
    try {
      store.release(id);
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

  private long waitMillis() {
    return settings.deadline().toMillis() + 1000;
  }

  private static String digest(String key) {
    return HexFormat.of().formatHex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8)));
  }
}
