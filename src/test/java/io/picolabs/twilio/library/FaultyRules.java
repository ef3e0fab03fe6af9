package io.picolabs.twilio.library;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Locale;

/** Rules the engine could not run as written: the deployment must be refused. */
@ApplicationScoped
public class FaultyRules {
  void spaced(@Observes @Select(domain = "twilio", type = "inbound call") RuleEvent e) {}

  void later(@ObservesAsync @Select(domain = "twilio", type = "inbound_sms") RuleEvent e) {}

  void wantsLocale(
      @Observes @Select(domain = "twilio", type = "inbound_sms") RuleEvent e,
      Twilio twilio,
      Locale locale) {}

  void twice(@Observes @Select(domain = "twilio", type = "a") RuleEvent e) {}

  void twice(@Observes @Select(domain = "twilio", type = "b") RuleEvent e, Twilio twilio) {}
}
