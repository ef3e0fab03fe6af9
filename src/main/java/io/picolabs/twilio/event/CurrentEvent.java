package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The event the running rule is handling, for what depends on it (whose variables a rule means by
 * "entity", which call). Events raised by rules nest, so this is a stack kept by the {@link
 * RuleEngine}.
 */
@RequestScoped
public class CurrentEvent {
  private final Deque<RuleEvent> events = new ArrayDeque<>();

  /** A current event outside the container, for testing a rule as a plain method. */
  public static CurrentEvent of(RuleEvent event) {
    CurrentEvent current = new CurrentEvent();
    current.enter(event);
    return current;
  }

  /** The event being handled. */
  public RuleEvent get() {
    RuleEvent event = events.peek();
    if (event == null) {
      throw new IllegalStateException("no event is being handled: call this from a rule");
    }
    return event;
  }

  /** How deeply the events being handled nest: 1 for an event raised by no rule. */
  int depth() {
    return events.size();
  }

  void enter(RuleEvent event) {
    events.push(event);
  }

  void leave() {
    events.pop();
  }
}
