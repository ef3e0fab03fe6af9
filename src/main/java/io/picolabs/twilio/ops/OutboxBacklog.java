package io.picolabs.twilio.ops;

import io.picolabs.twilio.config.HealthConfig;
import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.schema.DatabaseClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * How far behind the outbox is: the age of its oldest entry not yet settled (pending, sending or to
 * reconcile), every instance's entries together. Told two ways, and never as readiness DOWN: a
 * backlog is an outbound problem (Twilio unreachable or refusing, a poison entry, stuck senders),
 * and a load balancer that took it for unreadiness would stop sending this instance, and every
 * other, the calls they can still answer.
 *
 * <ul>
 *   <li>The detail of the readiness check {@value #NAME}, always UP: {@code max-age-seconds},
 *       {@code oldest-unsettled-age-seconds}, and, past {@code
 *       twilio.health.outbox-max-age-seconds}, {@code behind: true} with the reason.
 *   <li>The gauge {@code twilio.outbox.backlog.age} in seconds (0 when nothing waits), for alerts.
 * </ul>
 */
@Readiness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {
  /** The check's name in {@code /health/ready}. */
  public static final String NAME = "twilio-outbox";

  static final Metadata AGE =
      Metadata.builder()
          .withName("twilio.outbox.backlog.age")
          .withDescription(
              "seconds since the oldest outbox entry not yet settled (pending, sending, to"
                  + " reconcile) was created, every instance's entries together; 0 when none")
          .withUnit("seconds")
          .build();

  private static final Logger LOG = Logger.getLogger(OutboxBacklog.class.getName());

  @Inject OutboxStore store;
  @Inject DatabaseClock clock;
  @Inject HealthConfig config;
  @Inject MetricRegistry registry;

  @Resource ManagedExecutorService executor;

  private final Probe<OptionalLong> probe =
      new Probe<>(() -> store.oldestUnsettledMillis(), DatabaseReadiness.TIMEOUT);

  void registerGauge(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(AGE, this, OutboxBacklog::ageForGauge);
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .up()
            .withData("max-age-seconds", config.outboxMaxAge().toSeconds());
    OptionalLong age;
    try {
      age = ageSeconds();
    } catch (IllegalStateException e) {
      // the database's own check says DOWN if it cannot be reached: not this one's to say
      return response.withData("reason", e.getMessage()).build();
    }
    if (age.isEmpty()) {
      return response.build();
    }
    long seconds = age.getAsLong();
    response.withData("oldest-unsettled-age-seconds", seconds);
    if (seconds > config.outboxMaxAge().toSeconds()) {
      response
          .withData("behind", true)
          .withData(
              "reason",
              "the oldest unsettled outbox entry was created "
                  + seconds
                  + " s ago, more than twilio.health.outbox-max-age-seconds ("
                  + config.outboxMaxAge().toSeconds()
                  + ")");
    }
    return response.build();
  }

  /** The gauge's value: the age, 0 when nothing waits, NaN when the outbox cannot be read. */
  private double ageForGauge() {
    try {
      return ageSeconds().orElse(0);
    } catch (IllegalStateException e) {
      LOG.fine(e::getMessage);
      return Double.NaN;
    }
  }

  /**
   * The age in seconds of the oldest unsettled entry, if any.
   *
   * @throws IllegalStateException saying why, if the outbox could not be read in time
   */
  private OptionalLong ageSeconds() {
    OptionalLong oldest;
    try {
      oldest = probe.result(executor);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the outbox could not be read within " + probe.timeout().toMillis() + " ms", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the outbox could not be read: " + Probe.reason(e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the outbox was not read: " + Probe.reason(e), e);
    }
    return oldest.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(Math.max(0, (clock.now() - oldest.getAsLong()) / 1000));
  }
}
