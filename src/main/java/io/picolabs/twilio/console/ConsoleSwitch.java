package io.picolabs.twilio.console;

import io.picolabs.twilio.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * {@code twilio.console.enabled} (off by default): whether the console and the fake REST API exist.
 * When on, says so loudly at start-up: a fake Twilio and a phone that signs requests with the real
 * auth token do not belong on a server that real callers reach.
 */
@ApplicationScoped
public class ConsoleSwitch {
  private static final Logger LOG = Logger.getLogger(ConsoleSwitch.class.getName());

  private final boolean enabled;

  @Inject
  ConsoleSwitch(ConsoleConfig config) {
    enabled = config.enabled();
  }

  /** For CDI's proxy. */
  ConsoleSwitch() {
    enabled = false;
  }

  /** Whether the console is on. */
  public boolean enabled() {
    return enabled;
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    if (enabled) {
      String line = "*".repeat(96);
      LOG.warning(
          "\n"
              + line
              + "\n* THE DEVELOPMENT CONSOLE IS ON (twilio.console.enabled=true): /console calls and"
              + " texts this\n* server signed with its auth token, and /fake-twilio answers as"
              + " Twilio's REST API. Never on a\n* server that real callers reach.\n"
              + line);
    }
  }
}
