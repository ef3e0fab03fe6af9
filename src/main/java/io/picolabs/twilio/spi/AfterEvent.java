package io.picolabs.twilio.spi;

import io.picolabs.twilio.rules.RuleEvent;

/**
 * Told of every event that reached the library, after its rules ran (or after a gate kept it from
 * them), in the same request context: e.g. a call's end removes its call variables.
 */
public interface AfterEvent {

  /** {@code event} as it arrived; must not throw for what its caller's answer does not need. */
  void after(RuleEvent event);
}
