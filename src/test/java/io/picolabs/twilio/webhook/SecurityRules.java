package io.picolabs.twilio.webhook;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only rules that show whether they ran, and one that is too slow. */
@ApplicationScoped
public class SecurityRules {
  private final AtomicInteger runs = new AtomicInteger();

  /** Counts its runs and says the count: a second run for one call would show. */
  void counted(@Observes @Select(domain = "twilio", type = "counted") RuleEvent e, Twilio twilio) {
    twilio.say("run " + runs.incrementAndGet() + " from " + e.attr("From", "nobody"));
  }

  /** Says the count without running anything, for tests to read. */
  void count(@Observes @Select(domain = "test", type = "count") RuleEvent e, Twilio twilio) {
    twilio.say("runs " + runs.get());
  }

  void slow(@Observes @Select(domain = "twilio", type = "slow") RuleEvent e, Twilio twilio)
      throws InterruptedException {
    Thread.sleep(3000);
    twilio.say("too late");
  }

  void echo(@Observes @Select(domain = "twilio", type = "echo") RuleEvent e, Twilio twilio) {
    twilio.say(String.join(",", e.attrValues("Body")));
  }
}
