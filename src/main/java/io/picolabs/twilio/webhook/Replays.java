package io.picolabs.twilio.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Twilio's retried deliveries. Twilio sends a retry of one webhook with the same {@code
 * I-Twilio-Idempotency-Token}; its first answer is given again, and the rules do not run twice (no
 * second SMS from one call). A retry that arrives while the first delivery is still being answered
 * waits for that answer.
 *
 * <p>Answers are kept for {@code twilio.webhook.idempotency-window-seconds} (300) and at most
 * {@code twilio.webhook.idempotency-max-entries} (10,000) of them, the least recently used going
 * first, so memory stays bounded whatever the traffic.
 */
@ApplicationScoped
public class Replays {
  private record Entry(CompletableFuture<String> answer, long expiresAtNanos) {}

  @Inject WebhookSettings settings;

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > settings.idempotencyMaxEntries();
        }
      };

  /**
   * The answer for a delivery: computed by {@code answer} the first time {@code key} is seen within
   * the window, the same text afterwards. A {@code null} key is never remembered.
   */
  public String answer(String key, Supplier<String> answer, String fallback) {
    if (key == null) {
      return answer.get();
    }
    CompletableFuture<String> mine = new CompletableFuture<>();
    Entry earlier;
    long now = System.nanoTime();
    synchronized (entries) {
      earlier = entries.get(key);
      if (earlier == null || earlier.expiresAtNanos() - now < 0) {
        entries.put(key, new Entry(mine, now + settings.idempotencyWindow().toNanos()));
        earlier = null;
      }
    }
    if (earlier != null) {
      return awaitEarlier(earlier.answer(), fallback);
    }
    try {
      String text = answer.get();
      mine.complete(text);
      return text;
    } catch (RuntimeException e) {
      synchronized (entries) {
        entries.remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private String awaitEarlier(CompletableFuture<String> earlier, String fallback) {
    try {
      return earlier.get(settings.deadline().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return fallback;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    }
  }
}
