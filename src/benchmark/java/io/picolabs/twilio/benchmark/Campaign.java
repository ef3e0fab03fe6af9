package io.picolabs.twilio.benchmark;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bulk send, as a campaign makes one: on {@code benchmark campaign}, {@code count} texts, each to
 * a number of its own ({@code +1802} and seven digits from {@code first} on) with the body {@code
 * "<batch> <n>"}. They reach the outbox in the rule's one commit, so that scripts/benchmark can
 * queue 20,000 messages in seconds and measure how fast the sender drains them, not how fast events
 * come.
 */
@ApplicationScoped
public class Campaign {

  void send(
      @Observes @Select(domain = "benchmark", type = "campaign") RuleEvent event, Twilio twilio) {
    int count = Integer.parseInt(event.attr("count"));
    int first = Integer.parseInt(event.attr("first"));
    String batch = event.attr("batch");
    for (int n = first; n < first + count; n++) {
      twilio.sendSms(String.format("+1802%07d", n), "+18015550199", batch + " " + n);
    }
  }
}
