package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import java.util.Objects;

/**
 * What raising an event needs besides the event: the public origin ({@code https://host[:port]})
 * its event-type targets resolve against, and the {@link AnswerGate} between its answer and its
 * rules' commits (a webhook's deadline may answer without the rules, after which they commit
 * nothing).
 *
 * @param origin the origin of the HTTP request being answered, or of the request whose rule sent
 *     (outcome events); {@code null} when there is none
 */
public record EventContext(RuleEvent event, String origin, AnswerGate gate) {

  public EventContext {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(gate, "gate");
  }

  /** An event whose caller waits for its rules, however long they take. */
  public static EventContext of(RuleEvent event, String origin) {
    return new EventContext(event, origin, new AnswerGate()); // nobody closes it
  }
}
