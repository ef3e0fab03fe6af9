package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The seed's {@code twilio_sms} ruleset: on {@code notification status}, text {@code message} to
 * {@code phone_number} from {@code from_number}, with the default account's credentials.
 */
@ApplicationScoped
public class NotificationSms {

  /** {@code rule sms}. */
  void sms(
      @Observes @Select(domain = "notification", type = "status") RuleEvent event, Twilio twilio) {
    twilio.sendSms(event.attr("phone_number"), event.attr("from_number"), event.attr("message"));
  }
}
