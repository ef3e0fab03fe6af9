package io.picolabs.twilio.config;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** {@code events.*}: the bearer token of the event channel and the other token-guarded paths. */
public record EventsConfig(Optional<String> token) {

  public static final Setting<String> TOKEN = new Setting<>("events.token", String.class, null);

  public static final List<Setting<?>> SETTINGS = List.of(TOKEN);

  public static EventsConfig of(Config config) {
    return new EventsConfig(TOKEN.optional(config).filter(t -> !t.isBlank()));
  }
}
