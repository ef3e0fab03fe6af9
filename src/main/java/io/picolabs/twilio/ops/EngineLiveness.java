package io.picolabs.twilio.ops;

import io.picolabs.twilio.event.RuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness, {@value #NAME}: UP while the application runs, that is while its CDI container answers
 * and gives out the rule engine. It checks nothing outside the JVM (the database and Twilio are
 * readiness's): a liveness failure means the process should be restarted, and restarting does not
 * bring a database back.
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {
  /** The check's name in {@code /health/live}. */
  public static final String NAME = "twilio-engine";

  @Inject Instance<RuleEngine> engine;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME)
        .status(engine.isResolvable() && engine.get() != null)
        .build();
  }
}
