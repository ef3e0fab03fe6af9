package io.picolabs.twilio.outbound;

import io.picolabs.twilio.rules.AppVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Test-only rules for {@code PostgresOutboxIT}, deployed with the WAR on two instances ({@code
 * testing.PostgresInstances}): which instance ran a rule is the server's {@code TEST_INSTANCE}
 * variable.
 */
@ApplicationScoped
public class OutboxTestRules {
  private static final Logger LOG = Logger.getLogger(OutboxTestRules.class.getName());

  /**
   * {@code twilio counted}: adds one to app variable {@code counter} (an attribute) and says the
   * count and the instance, after {@code sleep_ms} (an attribute, 0 by default) so that a retry can
   * arrive while it runs.
   */
  void counted(
      @Observes @Select(domain = "twilio", type = "counted") RuleEvent event,
      Twilio twilio,
      AppVars app) {
    String counter = event.attr("counter", "counted");
    String instance = System.getenv().getOrDefault("TEST_INSTANCE", "?");
    LOG.info(() -> "OutboxTestRules: counted " + counter + " started on " + instance);
    long sleep = Long.parseLong(event.attr("sleep_ms", "0"));
    if (sleep > 0) {
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    int count = app.getOr(counter, 0) + 1;
    app.set(counter, count);
    twilio.say(counter + " " + count + " on " + instance);
  }
}
