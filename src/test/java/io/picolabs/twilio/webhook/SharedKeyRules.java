package io.picolabs.twilio.webhook;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only rules behind shared-key signatures: they answer, and count their runs. */
@ApplicationScoped
public class SharedKeyRules {
  private final AtomicInteger runs = new AtomicInteger();

  /** Greets the caller: a refused request must not get here, so each run counts. */
  void greet(@Observes @Select(domain = "twilio", type = "greet") RuleEvent e, Twilio twilio) {
    runs.incrementAndGet();
    twilio.say("Hello " + e.attr("From", "nobody"));
  }

  void text(@Observes @Select(domain = "twilio", type = "text") RuleEvent e, Twilio twilio) {
    runs.incrementAndGet();
    twilio.message("Got: " + e.attr("Body", ""));
  }

  void echo(@Observes @Select(domain = "twilio", type = "echo") RuleEvent e, Twilio twilio) {
    runs.incrementAndGet();
    twilio.say(String.join(",", e.attrValues("Body")));
  }

  /** Says the count without running anything else, for tests to read. */
  void count(@Observes @Select(domain = "test", type = "count") RuleEvent e, Twilio twilio) {
    twilio.say("runs " + runs.get());
  }
}
