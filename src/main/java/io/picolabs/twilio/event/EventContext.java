package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What raising an event needs besides the event: the public origin ({@code https://host[:port]})
 * its event-type targets resolve against, and whether it was answered without waiting for its rules
 * (a webhook's deadline), after which what they do commits nothing.
 *
 * @param origin the origin of the HTTP request being answered, or of the request whose rule sent
 *     (outcome events); {@code null} when there is none
 */
public record EventContext(RuleEvent event, String origin, BooleanSupplier answered) {
  private static final BooleanSupplier NEVER = () -> false;

  public EventContext {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(answered, "answered");
  }

  /** An event whose caller waits for its rules, however long they take. */
  public static EventContext of(RuleEvent event, String origin) {
    return new EventContext(event, origin, NEVER);
  }
}
