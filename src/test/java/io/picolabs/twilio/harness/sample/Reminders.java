package io.picolabs.twilio.harness.sample;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.AppVars;
import io.picolabs.twilio.rules.CallVars;
import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Rules with every kind of send and variable, a bean of the application's own ({@link Clock}), and
 * an event raised by a rule.
 */
@ApplicationScoped
public class Reminders {
  @Inject RuleEngine engine;
  @Inject Clock clock;

  void remind(
      @Observes @Select(domain = "reminder", type = "due") RuleEvent event,
      Twilio twilio,
      EntityVars ent,
      AppVars app) {
    String to = event.attr("to");
    twilio
        .placeCall(to, "+18005551212", "reminder_call?id=" + event.attr("id"))
        .statusCallback("reminder_status")
        .statusCallbackEvent("answered", "completed")
        .timeout(20)
        .account("clinic");
    twilio
        .sendSms(to, "+18005551212", "Your appointment is at " + clock.now())
        .media("https://example.com/map.png")
        .statusCallback("https://elsewhere.example.com/status");
    ent.set("reminded", List.of(Map.of("id", Integer.parseInt(event.attr("id")), "at", 9.5)));
    app.set("reminders", app.getOr("reminders", 0) + 1);
    engine.raise("reminder", "logged", Map.of());
  }

  void logged(
      @Observes @Select(domain = "reminder", type = "logged") RuleEvent event, Twilio twilio) {
    twilio.say("logged");
  }

  void answered(
      @Observes @Select(domain = "twilio", type = "reminder_call") RuleEvent event,
      Twilio twilio,
      CallVars call,
      EntityVars ent) {
    call.set("heard", true);
    ent.remove("reminded");
    twilio.say("This is your reminder " + event.attr("id"));
  }
}
