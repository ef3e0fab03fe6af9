package io.picolabs.twilio.config;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** {@code twilio.outbox.*}: how the sender sends, claims, and reconciles outbound entries. */
public record OutboxConfig(
    int concurrency, Duration poll, Duration lease, Duration reconcileDelay, int maxChecks) {

  public static final Setting<Integer> CONCURRENCY =
      new Setting<>("twilio.outbox.concurrency", Integer.class, 8);
  public static final Setting<Long> POLL_MS =
      new Setting<>("twilio.outbox.poll-ms", Long.class, 1000L);

  /** No fixed default: a claim covers a check and a send, each as long as the client allows. */
  public static final Setting<Long> LEASE_SECONDS =
      new Setting<>("twilio.outbox.lease-seconds", Long.class, null);

  public static final Setting<Long> RECONCILE_DELAY_MS =
      new Setting<>("twilio.outbox.reconcile-delay-ms", Long.class, 10_000L);
  public static final Setting<Integer> MAX_CHECKS =
      new Setting<>("twilio.outbox.max-checks", Integer.class, 10);

  public static final List<Setting<?>> SETTINGS =
      List.of(CONCURRENCY, POLL_MS, LEASE_SECONDS, RECONCILE_DELAY_MS, MAX_CHECKS);

  public static OutboxConfig of(Config config, RestConfig rest) {
    // a claim covers a check and a send, each as long as the client lets a request take
    long requestMillis = rest.connectTimeout().plus(rest.readTimeout()).toMillis();
    return new OutboxConfig(
        CONCURRENCY.in(config),
        Duration.ofMillis(POLL_MS.in(config)),
        Duration.ofSeconds(
            LEASE_SECONDS.optional(config).orElse((2 * requestMillis + 10_000) / 1000)),
        Duration.ofMillis(RECONCILE_DELAY_MS.in(config)),
        MAX_CHECKS.in(config));
  }
}
