package io.picolabs.twilio.library;

import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.post;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The library JAR plus one test-only rules class: what another application gets. */
@ExtendWith(ArquillianExtension.class)
class LibraryIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "library.war")
        .addAsLibraries(Wars.library())
        .addClass(RootApplication.class)
        .addClass(TestRules.class)
        .addAsResource(new StringAsset(tokens()), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private static String twiml(String body) {
    return XML + "<Response>" + body + "</Response>";
  }

  @Test
  void theLibraryHoldsNoExamples() throws IOException {
    try (ZipFile jar = new ZipFile(Wars.LIBRARY)) {
      assertTrue(jar.stream().anyMatch(e -> e.getName().endsWith("rules/Twilio.class")));
      assertTrue(jar.stream().anyMatch(e -> e.getName().equals("META-INF/beans.xml")));
      assertFalse(jar.stream().anyMatch(e -> e.getName().contains("/examples/")));
    }
    assertEquals(
        XML + "<Response/>", postForm(base, "twilio/inbound_call", inboundCall("+911")).body());
  }

  @Test
  void rulesRunInPriorityOrder() {
    HttpResponse<String> response = event(base, "events/test/ordered", "application/json", "{}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"ordered\","
            + "\"fired\":[\"TestRules.first\",\"TestRules.second\",\"TestRules.third\",\"TestRules.audit\"],"
            + "\"failed\":[],\"directives\":[{\"name\":\"Say\",\"text\":\"first\"},"
            + "{\"name\":\"Say\",\"text\":\"second\"},{\"name\":\"Say\",\"text\":\"third\"}]}",
        response.body());
  }

  @Test
  void aFailingRuleDoesNotStopTheOthers() {
    long logStart = ServerLog.length();
    HttpResponse<String> response = postForm(base, "twilio/mixed", inboundCall("+911"));
    assertEquals(200, response.statusCode());
    assertEquals(twiml("<Say>before</Say><Say>after</Say>"), response.body());
    String log = ServerLog.since(logStart);
    assertTrue(
        log.contains(
            "rule TestRules.breaks failed on event twilio mixed: java.lang.IllegalStateException: rule broke on purpose"),
        log);
    assertTrue(
        log.contains(
            "rule TestRules.badRaw failed on event twilio mixed: java.lang.IllegalArgumentException: raw TwiML is not well-formed XML"),
        log);
    assertTrue(
        log.contains(
            "rule TestRules.overflows failed on event twilio mixed: java.lang.StackOverflowError"),
        log.length() > 2000 ? log.substring(0, 2000) : log);
  }

  @Test
  void theEventChannelReportsFailedRules() {
    HttpResponse<String> response =
        event(base, "events/twilio/mixed", "application/x-www-form-urlencoded", "x=1");
    assertEquals(200, response.statusCode());
    assertEquals(
        "{\"domain\":\"twilio\",\"type\":\"mixed\",\"fired\":[\"TestRules.before\",\"TestRules.breaks\","
            + "\"TestRules.badRaw\",\"TestRules.overflows\",\"TestRules.after\",\"TestRules.audit\"],"
            + "\"failed\":[\"TestRules.breaks\",\"TestRules.badRaw\",\"TestRules.overflows\"],"
            + "\"directives\":[{\"name\":\"Say\",\"text\":\"before\"},{\"name\":\"Say\",\"text\":\"after\"}]}",
        response.body());
  }

  @Test
  void rulesRaiseEventsThatRunInTheSameRequest() {
    assertEquals(
        twiml("<Say>one</Say><Say>two 2</Say><Say>three</Say>"),
        postForm(base, "twilio/chain", inboundCall("+911")).body());
  }

  @Test
  void aRuleRaisingItsOwnEventIsStoppedAtTheDepthLimit() {
    HttpResponse<String> response = postForm(base, "twilio/loop", Map.of());
    assertEquals(200, response.statusCode());
    StringBuilder expected = new StringBuilder();
    for (int level = 1; level < 8; level++) {
      expected.append("<Say>level ").append(level).append("</Say>");
    }
    assertEquals(twiml(expected.toString()), response.body());
  }

  @Test
  void aGatherLeftOpenIsClosedWhenItsRuleEnds() {
    assertEquals(
        twiml(
            "<Gather action=\"/library/twilio/menu\" numDigits=\"1\"><Say>Press 1</Say></Gather><Hangup/>"),
        postForm(base, "twilio/unbalanced", Map.of()).body());
  }

  @Test
  void anUnqualifiedObserverSeesEveryEvent() {
    assertEquals(
        twiml("<Say>seen twilio anything</Say>"),
        postForm(base, "twilio/anything", Map.of("audit", "yes")).body());
    assertEquals(
        "{\"domain\":\"other\",\"type\":\"thing\",\"fired\":[\"TestRules.audit\"],\"failed\":[],"
            + "\"directives\":[{\"name\":\"Say\",\"text\":\"seen other thing\"}]}",
        event(base, "events/other/thing", "application/json", "{\"audit\":true}").body());
  }

  @Test
  void theEventChannelTakesFormsAndJson() {
    String expected =
        "{\"domain\":\"notification\",\"type\":\"status\",\"fired\":[\"TestRules.audit\",\"TestRules.notify\"],"
            + "\"failed\":[],\"directives\":[{\"name\":\"Sms\",\"attributes\":{\"from\":\"+18005551212\","
            + "\"to\":\"+18015552311\"},\"text\":\"Hi & bye\"}]}";
    HttpResponse<String> form =
        event(
            base,
            "events/notification/status",
            "application/x-www-form-urlencoded",
            "phone_number=%2B18015552311&from_number=%2B18005551212&message=Hi+%26+bye");
    assertEquals(200, form.statusCode());
    HttpResponse<String> json =
        event(
            base,
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\",\"message\":\"Hi & bye\"}");
    assertEquals(200, json.statusCode());
    assertEquals(normalizeOrder(expected), normalizeOrder(form.body()));
    assertEquals(normalizeOrder(expected), normalizeOrder(json.body()));
  }

  /** Observers of equal priority have no defined order; compare the fired list as a set. */
  private static String normalizeOrder(String json) {
    return json.replace(
        "\"TestRules.notify\",\"TestRules.audit\"", "\"TestRules.audit\",\"TestRules.notify\"");
  }

  @Test
  void badInputGetsAShortClearError() {
    assertError(
        400,
        "malformed percent-encoding in the value of parameter Body",
        signedLooking("twilio/inbound_call", "application/x-www-form-urlencoded", "Body=100%"));
    assertError(
        400,
        "invalid UTF-8 in the value of parameter Body",
        signedLooking("twilio/inbound_call", "application/x-www-form-urlencoded", "Body=%C3%28"));
    assertError(
        400,
        "the body is not valid JSON",
        event(base, "events/a/b", "application/json", "{\"a\":"));
    assertError(
        400,
        "the body must be a JSON object of attributes",
        event(base, "events/a/b", "application/json", "[1,2]"));
    // a webhook is checked for Twilio's signature before anything else is said about it
    assertError(
        403,
        "missing X-Twilio-Signature",
        post(base, "twilio/inbound_call", "text/plain", "From=+911"));
    assertError(415, "unsupported media type", event(base, "events/a/b", "text/plain", "x"));
    assertError(
        403,
        "missing X-Twilio-Signature",
        send(
            HttpRequest.newBuilder(uri(base, "twilio/inbound_call"))
                .method("PUT", HttpRequest.BodyPublishers.ofString("x"))));
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(uri(base, "events/a/b"))
                .header("Authorization", "Bearer " + EVENTS_TOKEN)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    assertError(405, "method not allowed", put);
    assertEquals("POST, OPTIONS", put.headers().firstValue("Allow").orElseThrow());
    // no resource: the runtime's own 404 (an empty body; no resource of ours is there to answer)
    HttpResponse<String> unknown = postForm(base, "twilio/a.b", Map.of());
    assertEquals(404, unknown.statusCode());
    assertEquals("", unknown.body());
    // and the server goes on answering
    assertEquals(
        twiml("<Say>one</Say><Say>two 2</Say><Say>three</Say>"),
        postForm(base, "twilio/chain", Map.of()).body());
  }

  /** A request that carries a signature header, so that the body is read (and found broken). */
  private HttpResponse<String> signedLooking(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Content-Type", contentType)
            .header("X-Twilio-Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void assertError(int status, String message, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(message + "\n", response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
  }
}
