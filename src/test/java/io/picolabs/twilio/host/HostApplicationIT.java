package io.picolabs.twilio.host;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host application with its own JAX-RS application at {@code /api}, a resource taking large JSON
 * bodies and an exception mapper for every {@code Throwable}, plus the library JAR and one rule:
 * the host works as it would alone, and the rule answers Twilio's signed webhooks under the host's
 * path, with the library's own answers for the library's own errors.
 */
@ExtendWith(ArquillianExtension.class)
class HostApplicationIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "host.war")
        .addAsLibraries(Wars.library())
        .addClasses(HostApplication.class, Orders.class, OrderMissing.class, HostErrors.class)
        .addClass(HostRules.class)
        .addAsResource(
            new StringAsset(tokens() + "twilio.webhook.deadline-ms=1000\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private HttpResponse<String> json(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(base, path)).header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  @Test
  void theHostTakesAJsonBodyOfOneMebibyte() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      lines.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(i).append("\"}");
    }
    String note = "n".repeat(1024 * 1024);
    String body = "{\"lines\":[" + lines + "],\"note\":\"" + note + "\"}";
    assertTrue(body.length() > 1024 * 1024, "a body of over 1 MiB (the library's limit is 64 KiB)");

    HttpResponse<String> placed = json("POST", "api/orders", body);

    assertEquals(200, placed.statusCode(), placed.body());
    assertEquals("{\"lines\":1000,\"note\":1048576}", placed.body());
  }

  @Test
  void theHostsErrorMappingAnswersTheHostsErrors() {
    HttpResponse<String> missing = json("GET", "api/orders/42", null);
    assertEquals(404, missing.statusCode());
    assertEquals("application/json", missing.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("{\"host-error\":\"no order 42\"}", missing.body());

    HttpResponse<String> broken = json("GET", "api/orders/broken", null);
    assertEquals(500, broken.statusCode());
    assertEquals("{\"host-error\":\"the host broke\"}", broken.body());

    // even the runtime's own 415 of a host resource goes through the host's mapper
    HttpResponse<String> notJson =
        send(
            HttpRequest.newBuilder(uri(base, "api/orders"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("an order")));
    assertEquals(415, notJson.statusCode());
    assertTrue(notJson.body().startsWith("{\"host-error\":"), notJson.body());
  }

  @Test
  void theRuleAnswersSignedWebhooksUnderTheHostsPath() {
    HttpResponse<String> answer =
        postForm(base, "api/twilio/inbound_call", inboundCall("+18015550123"));
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(
        XML
            + "<Response><Say>Hello from the host, +18015550123</Say>"
            + "<Gather action=\"/host/api/twilio/host_menu\" numDigits=\"1\"/></Response>",
        answer.body());
  }

  @Test
  void aSlowRuleUnderTheHostsPathIsAnsweredTheFallbackAtTheDeadline() {
    long sent = System.nanoTime();
    HttpResponse<String> answer =
        postForm(base, "api/twilio/host_slow", inboundCall("+18015550124"));
    long tookMillis = (System.nanoTime() - sent) / 1_000_000;
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(
        XML
            + "<Response><Say>Sorry, we could not answer in time. Please call again later.</Say>"
            + "<Hangup/></Response>",
        answer.body());
    // at the deadline (1 s), from another thread, while the rule still runs (3 s)
    assertTrue(tookMillis >= 1000 && tookMillis < 2500, "answered after " + tookMillis + " ms");
  }

  @Test
  void theLibrarysErrorsStayItsOwn() {
    HttpResponse<String> unsigned =
        send(
            HttpRequest.newBuilder(uri(base, "api/twilio/inbound_call"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("From=%2B18015550123")));
    assertEquals(403, unsigned.statusCode());
    assertEquals("missing X-Twilio-Signature\n", unsigned.body());

    // thrown inside the library's resource, past the host's mapper for every Throwable
    HttpResponse<String> notAnObject =
        event(base, "api/events/test/anything", "application/json", "[1]");
    assertEquals(400, notAnObject.statusCode());
    assertEquals(
        "text/plain;charset=UTF-8",
        notAnObject.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    assertEquals("the body must be a JSON object of attributes\n", notAnObject.body());

    HttpResponse<String> tooLarge =
        postForm(
            base,
            "api/twilio/inbound_call",
            Map.of("Body", "x".repeat(64 * 1024 + 1), "From", "+1"));
    assertEquals(413, tooLarge.statusCode());
    assertEquals("request body over 65536 bytes\n", tooLarge.body());
  }

  @Test
  void theRuleTableIsLoggedAtStart() {
    String log = ServerLog.since(0);
    assertTrue(
        log.contains(
            "2 rules:\n  twilio host_slow -> HostRules.slow (2500)\n"
                + "  twilio inbound_call -> HostRules.answer (2500)"),
        () -> log.substring(Math.max(0, log.length() - 3000)));
  }
}
