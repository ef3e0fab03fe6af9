package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event's effects go with its answer: a rule that returns after the deadline's fallback was
 * answered sends nothing and writes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class LateRuleIT {
  static final FakeTwilio TWILIO = FakeTwilio.start(AUTH_TOKEN).messagesStayQueued();

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "late.war")
        .addAsLibraries(Wars.library())
        .addClass(RootApplication.class)
        .addClass(LateRules.class)
        .addAsResource(
            new StringAsset(
                tokens()
                    + "twilio.api-url="
                    + TWILIO.url()
                    + "\ntwilio.account-sid=AC00000000000000000000000000000001\n"
                    + "twilio.webhook.deadline-ms=2000\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private static String caller() {
    return "+1801" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
  }

  @Test
  void aRuleThatReturnsAfterTheFallbackSendsAndWritesNothing() throws InterruptedException {
    TWILIO.reset();
    String caller = caller();
    long start = ServerLog.length();
    long sent = System.nanoTime();
    HttpResponse<String> response = postForm(base, "twilio/late", inboundCall(caller));
    long tookMillis = (System.nanoTime() - sent) / 1_000_000;
    assertEquals(200, response.statusCode());
    // the caller hears the fallback at the deadline (2 s), not when the rule returns (3 s)
    assertTrue(tookMillis >= 2000 && tookMillis < 2800, "answered after " + tookMillis + " ms");
    assertEquals(
        XML
            + "<Response><Say>Sorry, we could not answer in time. Please call again later.</Say>"
            + "<Hangup/></Response>",
        response.body());
    // the rule returns 3 s after it started: wait until the log says what became of it
    String log = "";
    for (int i = 0; i < 80 && !log.contains("rule LateRules.late failed"); i++) {
      Thread.sleep(100);
      log = ServerLog.since(start);
    }
    assertTrue(
        log.contains(
            "rule LateRules.late failed on event twilio late:"
                + " io.picolabs.twilio.event.RuleTransaction$LateRule: it returned after the event"
                + " was answered without it (the deadline's fallback); what it did is dropped:"
                + " nothing sent, nothing written"),
        log);
    Thread.sleep(1500); // longer than the sender's poll: an entry written would have been sent
    assertEquals(0, TWILIO.requests().size());
    assertEquals("404 no variables for entity " + caller + "\n", entityVars(base, caller));
  }

  @Test
  void aRuleInTimeSendsAndWrites() {
    TWILIO.reset();
    String caller = caller();
    assertEquals(
        XML + "<Response><Say>in time</Say></Response>",
        postForm(base, "twilio/in_time", inboundCall(caller)).body());
    // sent by the sender after the answer
    eventually(10, "the send", () -> Optional.ofNullable(TWILIO.posts().isEmpty() ? null : true));
    assertEquals(1, TWILIO.requests().size());
    assertEquals("sent in time", TWILIO.requests().get(0).form().get("Body").get(0));
    assertEquals("200 {\"inTime\":true}", entityVars(base, caller));
  }
}
