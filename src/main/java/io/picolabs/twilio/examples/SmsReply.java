package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Answers a text to the number's messaging webhook ({@code /twilio/inbound_sms}) by name. */
@ApplicationScoped
public class SmsReply {

  void reply(
      @Observes @Select(domain = "twilio", type = "inbound_sms") RuleEvent event, Twilio twilio) {
    String name = CallerDirectory.nameOf(event.attr("From"));
    int pictures = Integer.parseInt(event.attr("NumMedia", "0"));
    twilio.message(
        "Hello "
            + name
            + ", you said: "
            + event.attr("Body", "")
            + (pictures > 0 ? " (and sent " + pictures + " media)" : ""));
  }
}
