package io.picolabs.twilio.examples;

import io.picolabs.twilio.action.Twilio;
import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.event.Select;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The seed's "Hello Monkey Demo" with the favorite-number gather (ruleset a1299x191, second form).
 */
@ApplicationScoped
public class HelloMonkey {

  /** {@code rule answer}: greet the caller by name, then ask for one digit. */
  void answer(
      @Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent event, Twilio twilio) {
    String name = CallerDirectory.nameOf(event.attr("from"));
    twilio.say("Hello " + name);
    twilio.gatherStart("monkey_handle").numDigits(1);
    twilio.say("What is your favorite number?");
    twilio.gatherStop();
  }

  /** {@code rule picked}: say the digit back and hang up. */
  void picked(
      @Observes @Select(domain = "twilio", type = "monkey_handle") RuleEvent event, Twilio twilio) {
    String favorite = event.attr("Digits");
    twilio.say("Your favorite number is " + favorite + ".");
    twilio.hangup();
  }
}
