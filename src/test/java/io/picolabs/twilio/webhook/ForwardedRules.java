package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.Twilio;
import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.event.Select;
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
