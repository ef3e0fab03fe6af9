package io.picolabs.twilio.config;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** {@code twilio.outbox.*}: how the sender sends, claims, and reconciles outbound entries. */
public record OutboxConfig(
    int concurrency,
    int claimSize,
    Duration poll,
    Duration lease,
    Duration reconcileDelay,
    int maxChecks,
    Duration requestDeadline,
    Duration clockOffset,
    Duration retention) {

  /**
   * What a lease must cover beyond one request's deadline: the database round trips of the renewal
   * before the request and of the settlement after it, and the error of the clock's offset.
   */
  public static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

  public static final Setting<Integer> CONCURRENCY =
      new Setting<>("twilio.outbox.concurrency", Integer.class, 64);

  /** How many due entries one commit claims at most: a batch costs one commit, not one each. */
  public static final Setting<Integer> CLAIM_SIZE =
      new Setting<>("twilio.outbox.claim-size", Integer.class, 64);

  public static final Setting<Long> POLL_MS =
      new Setting<>("twilio.outbox.poll-ms", Long.class, 1000L);

  /** No fixed default: a claim covers a check and a send, each as long as the client allows. */
  public static final Setting<Long> LEASE_SECONDS =
      new Setting<>("twilio.outbox.lease-seconds", Long.class, null);

  public static final Setting<Long> RECONCILE_DELAY_MS =
      new Setting<>("twilio.outbox.reconcile-delay-ms", Long.class, 10_000L);
  public static final Setting<Integer> MAX_CHECKS =
      new Setting<>("twilio.outbox.max-checks", Integer.class, 10);

  /**
   * For tests of a host whose clock is wrong: the outbox and the webhooks' claims keep the
   * database's time.
   */
  public static final Setting<Long> CLOCK_OFFSET_MS =
      new Setting<>("twilio.outbox.clock-offset-ms", Long.class, 0L);

  /** How long settled entries (and the bodies they hold) are kept: 30 days. */
  public static final Setting<Long> RETENTION_SECONDS =
      new Setting<>("twilio.outbox.retention-seconds", Long.class, 30L * 24 * 3600);

  public static final List<Setting<?>> SETTINGS =
      List.of(
          CONCURRENCY,
          CLAIM_SIZE,
          POLL_MS,
          LEASE_SECONDS,
          RECONCILE_DELAY_MS,
          MAX_CHECKS,
          CLOCK_OFFSET_MS,
          RETENTION_SECONDS);

  /**
   * The outbox's settings, checked against the client's timeouts: a request to Twilio must end
   * (answered or given up) inside the lease under which it was sent, or another sender could take
   * the entry over while the request may still create the message.
   *
   * @throws IllegalArgumentException with what to change, if the lease cannot cover a request
   */
  public static OutboxConfig of(Config config, RestConfig rest) {
    // a request's total deadline: connecting, then the whole answer
    Duration deadline = rest.connectTimeout().plus(rest.readTimeout());
    Duration lease =
        Duration.ofSeconds(
            LEASE_SECONDS
                .optional(config)
                .orElse((2 * deadline.toMillis() + LEASE_MARGIN.toMillis() + 8_000) / 1000));
    if (lease.compareTo(deadline.plus(LEASE_MARGIN)) < 0) {
      throw new IllegalArgumentException(
          LEASE_SECONDS.key()
              + " is "
              + lease.toSeconds()
              + " s, shorter than a request to Twilio may take ("
              + RestConfig.CONNECT_TIMEOUT_MS.key()
              + " + "
              + RestConfig.READ_TIMEOUT_MS.key()
              + " = "
              + deadline.toMillis()
              + " ms) plus "
              + LEASE_MARGIN.toSeconds()
              + " s: another instance could take over a send still in flight and send it again."
              + " Make the lease longer or the timeouts shorter.");
    }
    int concurrency = CONCURRENCY.in(config);
    int claimSize = CLAIM_SIZE.in(config);
    if (concurrency < 1 || claimSize < 1) {
      throw new IllegalArgumentException(
          CONCURRENCY.key()
              + " ("
              + concurrency
              + ") and "
              + CLAIM_SIZE.key()
              + " ("
              + claimSize
              + ") must be at least 1");
    }
    return new OutboxConfig(
        concurrency,
        claimSize,
        Duration.ofMillis(POLL_MS.in(config)),
        lease,
        Duration.ofMillis(RECONCILE_DELAY_MS.in(config)),
        MAX_CHECKS.in(config),
        deadline,
        Duration.ofMillis(CLOCK_OFFSET_MS.in(config)),
        Duration.ofSeconds(RETENTION_SECONDS.in(config)));
  }
}
