package io.picolabs.twilio.benchmark;

import io.picolabs.twilio.rules.Relay;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Relay {@code bench}: each prompt answered with its own words, one text, for the benchmark. */
@ApplicationScoped
public class BenchRelay {

  void prompt(
      @Observes @Select(domain = "twilio", type = "bench_prompt") RuleEvent event, Relay relay) {
    relay.text(event.attr("voicePrompt"));
  }
}
