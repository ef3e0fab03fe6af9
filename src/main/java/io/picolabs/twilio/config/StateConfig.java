package io.picolabs.twilio.config;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** {@code twilio.state.*}: how long call variables outlive their call's last write. */
public record StateConfig(Duration callLifetime) {

  public static final Setting<Long> CALL_LIFETIME_MINUTES =
      new Setting<>("twilio.state.call-lifetime-minutes", Long.class, 240L);

  public static final List<Setting<?>> SETTINGS = List.of(CALL_LIFETIME_MINUTES);

  public static StateConfig of(Config config) {
    return new StateConfig(Duration.ofMinutes(CALL_LIFETIME_MINUTES.in(config)));
  }
}
