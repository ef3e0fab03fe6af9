package io.picolabs.twilio.config;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** {@code twilio.health.*}: when the outbox check says the outbox has fallen behind (a detail). */
public record HealthConfig(Duration outboxMaxAge) {

  public static final Setting<Long> OUTBOX_MAX_AGE_SECONDS =
      new Setting<>("twilio.health.outbox-max-age-seconds", Long.class, 300L);

  public static final List<Setting<?>> SETTINGS = List.of(OUTBOX_MAX_AGE_SECONDS);

  public static HealthConfig of(Config config) {
    return new HealthConfig(Duration.ofSeconds(OUTBOX_MAX_AGE_SECONDS.in(config)));
  }
}
