package io.picolabs.twilio.ops;

import io.picolabs.twilio.config.HealthConfig;
import io.picolabs.twilio.outbound.DatabaseClock;
import io.picolabs.twilio.outbound.OutboxStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness, {@value #NAME}: DOWN when the outbox is behind, that is when its oldest entry not yet
 * settled (pending, sending or to reconcile) was created more than {@code
 * twilio.health.outbox-max-age-seconds} (300) ago: Twilio has been unreachable, or refusing with
 * 429s, or the senders are stuck. The data says the age and the limit. Entries of every instance
 * sharing the database count: the backlog is theirs together.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
  /** The check's name in {@code /health/ready}. */
  public static final String NAME = "twilio-outbox";

  @Inject OutboxStore store;
  @Inject DatabaseClock clock;

  @Inject HealthConfig config;

  @Resource ManagedExecutorService executor;

  private final Probe<OptionalLong> probe =
      new Probe<>(() -> store.oldestUnsettledMillis(), DatabaseReadiness.TIMEOUT);

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .withData("max-age-seconds", config.outboxMaxAge().toSeconds());
    OptionalLong oldest;
    try {
      oldest = probe.result(executor);
    } catch (TimeoutException e) {
      return down(
          response, "the outbox could not be read within " + probe.timeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      return down(response, "the outbox could not be read: " + Probe.reason(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down(response, "interrupted");
    } catch (RuntimeException e) {
      return down(response, "the outbox was not read: " + Probe.reason(e));
    }
    if (oldest.isEmpty()) {
      return response.up().build();
    }
    long ageSeconds = Math.max(0, (clock.now() - oldest.getAsLong()) / 1000);
    response.withData("oldest-unsettled-age-seconds", ageSeconds);
    if (ageSeconds > config.outboxMaxAge().toSeconds()) {
      return down(
          response,
          "the oldest unsettled outbox entry was created "
              + ageSeconds
              + " s ago, more than twilio.health.outbox-max-age-seconds ("
              + config.outboxMaxAge().toSeconds()
              + ")");
    }
    return response.up().build();
  }

  private static HealthCheckResponse down(HealthCheckResponseBuilder response, String reason) {
    return response.down().withData("reason", reason).build();
  }
}
