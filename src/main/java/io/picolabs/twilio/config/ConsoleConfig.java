package io.picolabs.twilio.config;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The pages behind a login (the monkey's page, the console: {@code console.*}) and the switch of
 * the offline phone ({@code twilio.console.enabled}).
 */
public record ConsoleConfig(boolean enabled, String username, Optional<String> password) {

  public static final Setting<Boolean> ENABLED =
      new Setting<>("twilio.console.enabled", Boolean.class, false);
  public static final Setting<String> USERNAME =
      new Setting<>("console.username", String.class, "admin");
  public static final Setting<String> PASSWORD =
      new Setting<>("console.password", String.class, null);

  public static final List<Setting<?>> SETTINGS = List.of(ENABLED, USERNAME, PASSWORD);

  public static ConsoleConfig of(Config config) {
    return new ConsoleConfig(
        ENABLED.in(config),
        USERNAME.in(config),
        PASSWORD.optional(config).filter(p -> !p.isBlank()));
  }
}
