package io.picolabs.twilio.console;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A rule that places a call (the examples place none), for the console's incoming calls. */
@ApplicationScoped
public class RingingRules {

  /**
   * {@code console ring}: call {@code to} from {@code from}; answered, it raises {@code twilio
   * inbound_call}.
   */
  void ring(@Observes @Select(domain = "console", type = "ring") RuleEvent event, Twilio twilio) {
    twilio.placeCall(event.attr("to"), event.attr("from"), "inbound_call");
  }
}
