package io.picolabs.twilio.ops;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only rule: sends through the named account {@code alerts}, so that a server without the
 * default auth token (webhooks unverifiable) can still fill its outbox.
 */
@ApplicationScoped
public class BacklogRules {

  void alert(@Observes @Select(domain = "ops", type = "alert") RuleEvent e, Twilio twilio) {
    twilio.sendSms(e.attr("to"), e.attr("from"), e.attr("message")).account("alerts");
  }
}
