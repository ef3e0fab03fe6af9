package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.event.AnswerWindow;
import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.outbound.StatusCallbacks;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.state.CallLifetime;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;

/**
 * Raises one event and writes the TwiML the rules built, in a request context of its own when
 * called off the HTTP thread (the webhook deadline runs it on a worker), so that the request-scoped
 * directives of one call never mix with another's. A status callback of something this server sent
 * is recorded first, and reaches the rules only if it moved its message or call forward.
 */
@ApplicationScoped
public class RuleDispatch {

  @Inject RuleEngine engine;
  @Inject Directives directives;
  @Inject RequestOrigin requestOrigin;
  @Inject CallLifetime calls;
  @Inject AnswerWindow window;
  @Inject StatusCallbacks callbacks;

  /**
   * The TwiML for {@code event}; {@code origin} is that of the HTTP request being answered, {@code
   * answered} tells whether it was answered without waiting for the rules.
   */
  @ActivateRequestContext
  public String twiml(RuleEvent event, String origin, BooleanSupplier answered) {
    window.closeWhen(answered);
    requestOrigin.set(origin);
    callbacks.admit(event).ifPresent(engine::raise); // a stale or repeated status raises nothing
    calls.afterEvent(event);
    return TwimlWriter.write(directives.response());
  }
}
