package io.picolabs.twilio.rest;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.FakeTwilioApi;
import io.picolabs.twilio.testing.ServerLog;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** send_sms and place_call from the WAR, against a fake Twilio REST API on loopback. */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {
  static final FakeTwilioApi TWILIO = FakeTwilioApi.start();
  static final String SID = "AC00000000000000000000000000000001";
  static final String TOKEN = AUTH_TOKEN; // the default account signs webhooks and sends
  static final String ALERTS_SID = "AC00000000000000000000000000000002";
  static final String ALERTS_TOKEN = "alerts-secret-token";

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.api-url=" + TWILIO.url(),
            "twilio.account-sid=" + SID,
            "twilio.accounts.alerts.account-sid=" + ALERTS_SID,
            "twilio.accounts.alerts.auth-token=" + ALERTS_TOKEN,
            "twilio.accounts.ghost.account-sid=AC00000000000000000000000000000003",
            "twilio.retry.initial-delay-ms=100",
            "twilio.retry.max-delay-ms=400",
            "twilio.retry.max-attempts=5",
            "twilio.read-timeout-ms=1500",
            tokens());
    return ShrinkWrap.create(ZipImporter.class, "outbound.war")
        .importFrom(new File(System.getProperty("application.war", "target/twilio-rules.war")))
        .as(WebArchive.class)
        .addClass(OutboundRules.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @BeforeEach
  void resetFake() {
    TWILIO.reset();
  }

  private static String basic(String sid, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static String directives(String... says) {
    StringBuilder json = new StringBuilder("\"directives\":[");
    for (int i = 0; i < says.length; i++) {
      json.append(i > 0 ? "," : "")
          .append("{\"name\":\"Say\",\"text\":\"")
          .append(says[i])
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  private HttpResponse<String> send(String json) {
    return event(base, "events/test/send", "application/json", json);
  }

  private static void assertMessageRequest(
      FakeTwilioApi.Request request, String sid, String token, Map<String, List<String>> form) {
    assertEquals("POST", request.method());
    assertEquals("/2010-04-01/Accounts/" + sid + "/Messages.json", request.path());
    assertEquals(basic(sid, token), request.header("Authorization"));
    assertTrue(request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals(form, request.form());
  }

  @Test
  void theSeedRulesetSendsTheNotification() {
    String message = "Hi & bye + 100% ünïcødé 🐵 a=b";
    HttpResponse<String> response =
        event(
            base,
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\",\"message\":\""
                + message
                + "\"}");
    assertEquals(200, response.statusCode());
    assertEquals(
        "{\"domain\":\"notification\",\"type\":\"status\",\"fired\":[\"NotificationSms.sms\"],\"failed\":[],"
            + directives(
                "sms_sent SM00000000000000000000000000000001 queued segments=1 to=+18015552311 account=default"),
        response.body());
    List<FakeTwilioApi.Request> requests = TWILIO.requests();
    assertEquals(1, requests.size());
    assertMessageRequest(
        requests.get(0),
        SID,
        TOKEN,
        Map.of(
            "To",
            List.of("+18015552311"),
            "From",
            List.of("+18005551212"),
            "Body",
            List.of(message)));
    assertTrue(requests.get(0).body().contains("To=%2B18015552311"), requests.get(0).body());
  }

  @Test
  void aSendQueuedInANestedEventGoesOnlyWhenTheOuterRuleSucceeds() {
    String nested = "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"nested\"";
    HttpResponse<String> failed =
        event(base, "events/test/nested_send", "application/json", nested + ",\"fail\":\"yes\"}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"nested_send\",\"fired\":[\"OutboundRules.nestedSend\"],"
            + "\"failed\":[\"OutboundRules.nestedSend\"],\"directives\":[]}",
        failed.body());
    assertEquals(List.of(), TWILIO.requests());

    HttpResponse<String> sent =
        event(base, "events/test/nested_send", "application/json", nested + "}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"nested_send\",\"fired\":[\"OutboundRules.nestedSend\"],"
            + "\"failed\":[],"
            + directives(
                "sms_sent SM00000000000000000000000000000001 queued segments=1 to=+18015552311 account=default"),
        sent.body());
    assertEquals(1, TWILIO.requests().size());
    assertEquals(List.of("nested"), TWILIO.requests().get(0).form().get("Body"));
  }

  @Test
  void mediaMessagingServiceAndStatusCallback() {
    send(
        "{\"to\":\"+18015552311\",\"service\":\"MG00000000000000000000000000000009\",\"message\":\"look\","
            + "\"media\":[\"https://example.com/a.png\",\"https://example.com/b.png?x=1&y=2\"],"
            + "\"callback\":\"sms_status\"}");
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("To", List.of("+18015552311"));
    form.put("MessagingServiceSid", List.of("MG00000000000000000000000000000009"));
    form.put("Body", List.of("look"));
    form.put("MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png?x=1&y=2"));
    form.put(
        "StatusCallback",
        List.of(uri(base, "").toString().replaceAll("/$", "") + "/twilio/sms_status"));
    assertMessageRequest(TWILIO.requests().get(0), SID, TOKEN, form);
  }

  @Test
  void aNamedAccountUsesItsOwnCredentials() {
    HttpResponse<String> response =
        send(
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"alert\",\"account\":\"alerts\"}");
    assertTrue(response.body().contains("account=alerts"), response.body());
    assertMessageRequest(
        TWILIO.requests().get(0),
        ALERTS_SID,
        ALERTS_TOKEN,
        Map.of(
            "To",
            List.of("+18015552311"),
            "From",
            List.of("+18005551212"),
            "Body",
            List.of("alert")));
  }

  @Test
  void tooManyRequestsIsRetried() {
    TWILIO.then(
        new FakeTwilioApi.Answer(
            429,
            "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}",
            Map.of("Retry-After", "0"),
            0));
    HttpResponse<String> response =
        send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"again\"}");
    assertTrue(response.body().contains("sms_sent SM"), response.body());
    assertEquals(2, TWILIO.requests().size());
    assertEquals(TWILIO.requests().get(0).body(), TWILIO.requests().get(1).body());
  }

  @Test
  void anInvalidNumberIsReportedOnceAsSmsFailed() {
    TWILIO.then(
        400,
        "{\"code\":21211,\"message\":\"The 'To' number 123 is not a valid phone number.\","
            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
    HttpResponse<String> response =
        send("{\"to\":\"123\",\"from\":\"+18005551212\",\"message\":\"hi\"}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"send\",\"fired\":[\"OutboundRules.send\"],\"failed\":[],"
            + directives(
                "sms_failed 21211 The 'To' number 123 is not a valid phone number. http=400 to=123"),
        response.body());
    assertEquals(1, TWILIO.requests().size());
  }

  @Test
  void badCredentialsAreReportedOnceAsSmsFailed() {
    TWILIO.then(
        401,
        "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
    HttpResponse<String> response =
        send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"hi\"}");
    assertTrue(
        response
            .body()
            .contains(directives("sms_failed 20003 Authenticate http=401 to=+18015552311")),
        response.body());
    assertEquals(1, TWILIO.requests().size());
  }

  @Test
  void aRefusedConnectionIsRetriedUntilTwilioIsBack() throws Exception {
    TWILIO.close();
    CompletableFuture<Void> back =
        CompletableFuture.runAsync(
            TWILIO::reopen, CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));
    HttpResponse<String> response =
        send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"persist\"}");
    back.get(5, TimeUnit.SECONDS);
    assertTrue(response.body().contains("sms_sent SM"), response.body());
    assertEquals(1, TWILIO.requests().size());
  }

  @Test
  void aServerErrorIsNotRetriedAndReportedAsUnknown() {
    TWILIO.then(503, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":503}");
    HttpResponse<String> response =
        send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"once\"}");
    assertTrue(
        response.body().contains(directives("sms_unknown HTTP 503 from Twilio to=+18015552311")),
        response.body());
    assertEquals(1, TWILIO.requests().size());
  }

  @Test
  void aReadTimeoutIsNotRetriedAndReportedAsUnknown() {
    TWILIO.then(new FakeTwilioApi.Answer(201, "{}", Map.of(), 3000));
    HttpResponse<String> response =
        send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"slow\"}");
    assertTrue(response.body().contains("sms_unknown "), response.body());
    assertEquals(1, TWILIO.requests().size());
  }

  @Test
  void anAccountWithoutTokenFailsTheRuleNamingTheKey() {
    long logStart = ServerLog.length();
    HttpResponse<String> response =
        send(
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"x\",\"account\":\"ghost\"}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"send\",\"fired\":[\"OutboundRules.send\"],"
            + "\"failed\":[\"OutboundRules.send\"],\"directives\":[]}",
        response.body());
    assertEquals(0, TWILIO.requests().size());
    String log = ServerLog.since(logStart);
    assertTrue(
        log.contains(
            "Twilio credentials missing: set twilio.accounts.ghost.auth-token"
                + " (environment variable TWILIO_ACCOUNTS_GHOST_AUTH_TOKEN)"),
        log);
    assertFalse(log.contains(TOKEN) || log.contains(ALERTS_TOKEN), "a secret reached the log");
  }

  @Test
  void placeCallToAnEventTypeOfThisServer() {
    HttpResponse<String> response =
        event(
            base,
            "events/test/call",
            "application/json",
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"target\":\"inbound_call\"}");
    assertTrue(
        response.body().contains("call_placed CA00000000000000000000000000000001 queued"),
        response.body());
    FakeTwilioApi.Request request = TWILIO.requests().get(0);
    assertEquals("/2010-04-01/Accounts/" + SID + "/Calls.json", request.path());
    assertEquals(basic(SID, TOKEN), request.header("Authorization"));
    String origin = uri(base, "").toString().replaceAll("/$", "");
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("To", List.of("+18015552311"));
    form.put("From", List.of("+18005551212"));
    form.put("Url", List.of(origin + "/twilio/inbound_call"));
    form.put("StatusCallback", List.of(origin + "/twilio/call_status"));
    form.put("StatusCallbackEvent", List.of("initiated", "completed"));
    form.put("Timeout", List.of("20"));
    assertEquals(form, request.form());
  }

  @Test
  void anInboundSmsIsAnsweredWithMessage() {
    Map<String, String> sms = new LinkedHashMap<>();
    sms.put("MessageSid", "SM11111111111111111111111111111111");
    sms.put("AccountSid", SID);
    sms.put("From", "+8015552311");
    sms.put("To", "+18019917544");
    sms.put("Body", "Where are you? <here> & there");
    sms.put("NumMedia", "1");
    sms.put("MediaUrl0", "https://api.twilio.com/media/1");
    sms.put("MediaContentType0", "image/jpeg");
    HttpResponse<String> response = postForm(base, "twilio/inbound_sms", sms);
    assertEquals(200, response.statusCode());
    assertEquals(
        XML
            + "<Response><Message>Hello Big Bird, you said: Where are you? &lt;here&gt; &amp; there"
            + " (and sent 1 media)</Message></Response>",
        response.body());
  }
}
