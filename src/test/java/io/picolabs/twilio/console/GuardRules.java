package io.picolabs.twilio.console;

import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Rules that leave a mark for each webhook of the console that reaches the server, so that a test
 * can tell "nothing done" (no mark) from done: {@code called} and {@code texted}, entity variables
 * of the caller.
 */
@ApplicationScoped
public class GuardRules {

  /** {@code twilio guard_call}: marks the caller and waits for a key, so the call stays open. */
  void called(
      @Observes @Select(domain = "twilio", type = "guard_call") RuleEvent event,
      Twilio twilio,
      EntityVars ent) {
    ent.set("called", "yes");
    twilio.gatherStart("guard_pressed").numDigits(1);
    twilio.say("Press a key");
    twilio.gatherStop();
  }

  /** {@code twilio guard_sms}: marks the sender with the text and answers it. */
  void texted(
      @Observes @Select(domain = "twilio", type = "guard_sms") RuleEvent event,
      Twilio twilio,
      EntityVars ent) {
    ent.set("texted", event.attr("Body"));
    twilio.message("Heard: " + event.attr("Body"));
  }
}
