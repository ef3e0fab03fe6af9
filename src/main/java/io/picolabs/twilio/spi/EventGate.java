package io.picolabs.twilio.spi;

import io.picolabs.twilio.rules.RuleEvent;
import java.util.Optional;

/**
 * Decides whether an event that reached the library reaches the rules, and as what: Twilio retries
 * and reorders status callbacks, so a report of something this server sent is recorded first and
 * raised only if it moved its message or call forward. Every way into the rules asks every gate.
 */
public interface EventGate {

  /** The event to raise for {@code event} (itself, or with more attributes), or empty for none. */
  Optional<RuleEvent> admit(RuleEvent event);
}
