package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;

/**
 * The seed's first, simpler "Hello Monkey Demo": greet the caller by name and hang up.
 *
 * <p>It answers the same event as {@link HelloMonkey}, so it is an alternative: a deployment that
 * wants it selects it in {@code beans.xml} ({@code <alternatives><class>…</class></alternatives>}).
 */
@Alternative
@ApplicationScoped
public class HelloMonkeyGreeting {

  /** {@code rule answer}. */
  void answer(
      @Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent event, Twilio twilio) {
    twilio.say("Hello " + CallerDirectory.nameOf(event.attr("from")));
    twilio.hangup();
  }
}
