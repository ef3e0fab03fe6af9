package io.picolabs.twilio.webhook;

import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test-only: a rule that sends, writes, and returns after the deadline (LateRuleIT). */
@ApplicationScoped
public class LateRules {

  void late(
      @Observes @Select(domain = "twilio", type = "late") RuleEvent e,
      Twilio twilio,
      EntityVars ent)
      throws InterruptedException {
    twilio.say("too late");
    twilio.sendSms(e.attr("From"), "+18005551212", "sent too late");
    ent.set("late", true);
    Thread.sleep(3000);
  }

  void inTime(
      @Observes @Select(domain = "twilio", type = "in_time") RuleEvent e,
      Twilio twilio,
      EntityVars ent) {
    twilio.say("in time");
    twilio.sendSms(e.attr("From"), "+18005551212", "sent in time");
    ent.set("inTime", true);
  }
}
