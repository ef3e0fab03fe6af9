package io.picolabs.twilio.outbound;

import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the outcome of a send to the rules, off any HTTP request: in a request context of its own
 * (each outcome's rules get their own variables, directives and sends), with the origin of the
 * request whose rule sent, so that event types the rules name become URLs of this server. The
 * directives these rules add answer nobody and are dropped; their variables and sends commit as any
 * rule's.
 */
@ApplicationScoped
public class OutcomeEvents {
  private static final Logger LOG = Logger.getLogger(OutcomeEvents.class.getName());

  @Inject RuleEngine engine;
  @Inject RequestOrigin origin;

  @ActivateRequestContext
  public void raise(RuleEvent outcome, String requestOrigin) {
    origin.set(requestOrigin);
    try {
      engine.raise(outcome);
    } catch (RuntimeException e) {
      // the send is settled whatever the rules do; the event cannot be raised again
      LOG.log(Level.WARNING, "outcome " + outcome + " not raised: " + e, e);
    }
  }
}
