package io.picolabs.twilio.outbound;

import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the outcome of a send to the rules, off any HTTP request, through the {@link RuleEntry}:
 * in a request context of its own (each outcome's rules get their own variables, directives and
 * sends), with the origin of the request whose rule sent, so that event types the rules name become
 * URLs of this server. The directives these rules add answer nobody and are dropped; their
 * variables and sends commit as any rule's.
 */
@ApplicationScoped
public class OutcomeEvents {
  private static final Logger LOG = Logger.getLogger(OutcomeEvents.class.getName());

  @Inject RuleEntry entry;

  public void raise(RuleEvent outcome, String requestOrigin) {
    try {
      entry.raise(EventContext.of(outcome, requestOrigin), rules -> rules);
    } catch (RuntimeException e) {
      // the send is settled whatever the rules do; the event cannot be raised again
      LOG.log(Level.WARNING, "outcome " + outcome + " not raised: " + e, e);
    }
  }
}
