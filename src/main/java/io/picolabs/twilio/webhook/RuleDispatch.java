package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.event.AnswerGate;
import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers one webhook: raises its event through the {@link RuleEntry} (in a request context of its
 * own when called off the HTTP thread, as the webhook deadline does, so that the request-scoped
 * directives of one call never mix with another's) and writes the TwiML the rules built.
 */
@ApplicationScoped
public class RuleDispatch {

  @Inject RuleEntry entry;
  @Inject Directives directives;

  /**
   * The TwiML for {@code event}; {@code origin} is that of the HTTP request being answered, {@code
   * gate} stands between its answer and its rules' commits.
   */
  public String twiml(RuleEvent event, String origin, AnswerGate gate) {
    return entry.raise(new EventContext(event, origin, gate), outcome -> soFar());
  }

  /** The TwiML of what the rules of the event being answered have built so far. */
  public String soFar() {
    return TwimlWriter.write(directives.response());
  }
}
