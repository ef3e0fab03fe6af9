package io.picolabs.twilio.harness.sample;

import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A rule that says something, writes a variable and queues a message, then throws; it runs before
 * {@code HelloMonkey.answer} on the same event. (Not in the harness's own package: that package is
 * vetoed, its classes never beans.)
 */
@ApplicationScoped
public class Broken {
  void answer(
      @Observes @Priority(1) @Select(domain = "twilio", type = "inbound_call") RuleEvent event,
      Twilio twilio,
      EntityVars ent) {
    twilio.say("You should never hear this");
    ent.set("broken", true);
    twilio.sendSms(event.attr("From"), "+18005551212", "nor read this");
    throw new IllegalStateException("a bug in a rule");
  }
}
