package io.picolabs.twilio.webhook;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Places a call back to this server's own webhook, with a status callback: both absolute URLs. */
@ApplicationScoped
public class ForwardedRules {
  void callBack(
      @Observes @Select(domain = "twilio", type = "call_me_back") RuleEvent e, Twilio twilio) {
    twilio.placeCall(e.attr("From"), "+18005551212", "inbound_call").statusCallback("call_status");
    twilio.say("calling you back");
  }
}
