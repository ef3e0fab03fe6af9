package io.picolabs.twilio.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The pages behind a login (the monkey's page, the console: {@code console.*}), the switch of the
 * offline phone ({@code twilio.console.enabled}) and the further origins its page may be loaded
 * from ({@code twilio.console.origins}).
 */
public record ConsoleConfig(
    boolean enabled, String username, Optional<String> password, List<String> origins) {

  public static final Setting<Boolean> ENABLED =
      new Setting<>("twilio.console.enabled", Boolean.class, false);
  public static final Setting<String> USERNAME =
      new Setting<>("console.username", String.class, "admin");
  public static final Setting<String> PASSWORD =
      new Setting<>("console.password", String.class, null);
  public static final Setting<String> ORIGINS =
      new Setting<>("twilio.console.origins", String.class, null);

  public static final List<Setting<?>> SETTINGS = List.of(ENABLED, USERNAME, PASSWORD, ORIGINS);

  public ConsoleConfig {
    origins = List.copyOf(origins);
  }

  public static ConsoleConfig of(Config config) {
    return new ConsoleConfig(
        ENABLED.in(config),
        USERNAME.in(config),
        PASSWORD.optional(config).filter(p -> !p.isBlank()),
        // comma-separated, as an environment variable can give a list
        ORIGINS
            .text(config)
            .map(
                list ->
                    Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList())
            .orElse(List.of()));
  }
}
