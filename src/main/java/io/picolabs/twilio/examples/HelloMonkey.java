package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The seed's "Hello Monkey Demo" with the favorite-number gather (ruleset a1299x191, second form).
 */
@ApplicationScoped
public class HelloMonkey {
  /** The entity variable that holds a caller's favorite number. */
  static final String FAVORITE = "favorite";

  /** {@code rule answer}: greet the caller by name, then ask for one digit. */
  void answer(
      @Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent event, Twilio twilio) {
    String name = CallerDirectory.nameOf(event.attr("from"));
    twilio.say("Hello " + name);
    twilio.gatherStart("monkey_handle").numDigits(1);
    twilio.say("What is your favorite number?");
    twilio.gatherStop();
  }

  /**
   * {@code rule picked}: say the digit back and hang up, keeping it as the caller's entity variable
   * {@code favorite} for the monkey's page.
   */
  void picked(
      @Observes @Select(domain = "twilio", type = "monkey_handle") RuleEvent event,
      Twilio twilio,
      EntityVars ent) {
    String favorite = event.attr("Digits");
    if (favorite != null && !favorite.isEmpty() && ent.known()) {
      ent.set(FAVORITE, favorite);
    }
    twilio.say("Your favorite number is " + favorite + ".");
    twilio.hangup();
  }
}
