package io.picolabs.twilio.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started, {@value #NAME}: UP once the application has started, that is once its application
 * context was initialized, when the outbox sender and the other start-up work have been set going.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
  /** The check's name in {@code /health/started}. */
  public static final String NAME = "twilio-started";

  private volatile boolean started;

  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).status(started).build();
  }
}
