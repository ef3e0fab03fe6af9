package io.picolabs.twilio.host;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The host's rules: an answer, and one too slow for the deadline. */
@ApplicationScoped
public class HostRules {
  void answer(
      @Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent e, Twilio twilio) {
    twilio.say("Hello from the host, " + e.attr("From"));
    twilio.gatherStart("host_menu").numDigits(1); // an event type: under the host's /api
    twilio.gatherStop();
  }

  void slow(@Observes @Select(domain = "twilio", type = "host_slow") RuleEvent e, Twilio twilio)
      throws InterruptedException {
    twilio.say("too late");
    Thread.sleep(3000);
  }
}
