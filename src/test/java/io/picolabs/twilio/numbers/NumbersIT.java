package io.picolabs.twilio.numbers;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.TwilioNumber;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wiring numbers against the fake Twilio REST API, with the WAR as built: one number wired
 * elsewhere, one already wired to this server, one the account does not have.
 */
@ExtendWith(ArquillianExtension.class)
class NumbersIT {
  static final String ACCOUNT = "AC00000000000000000000000000000012";
  static final String PUBLIC = "https://voice.example.com";
  // Arquillian deploys numbers.war at /numbers: the webhooks are under that context root
  static final String WEBHOOKS = PUBLIC + "/numbers/twilio/";
  static final String ELSEWHERE = "+15005550001";
  static final String RIGHT = "+15005550002";
  static final String ABSENT = "+15005550003";
  static final String UNCONFIGURED = "+15005550009";

  static final FakeTwilio TWILIO = FakeTwilio.start(AUTH_TOKEN);
  static final String ELSEWHERE_SID =
      TWILIO.number(ELSEWHERE, "https://old.example.com/voice", "https://old.example.com/sms");
  static final String RIGHT_SID = wiredToUs(RIGHT);
  static final String UNCONFIGURED_SID = TWILIO.number(UNCONFIGURED);

  private static String wiredToUs(String number) {
    String sid = TWILIO.number(number, WEBHOOKS + "inbound_call", WEBHOOKS + "inbound_sms");
    TWILIO.updateNumber(sid, Map.of("StatusCallback", WEBHOOKS + "call_status"));
    return sid;
  }

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.auth-token=" + AUTH_TOKEN,
            "events.token=" + EVENTS_TOKEN,
            "twilio.account-sid=" + ACCOUNT,
            "twilio.api-url=" + TWILIO.url(),
            "twilio.webhook.public-url=" + PUBLIC + "/",
            "twilio.numbers=" + String.join(",", ELSEWHERE, RIGHT, ABSENT));
    return Wars.project("numbers.war")
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  @ArquillianResource URL base;

  private HttpResponse<String> request(String method, String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(base, path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private HttpResponse<String> post(String path) {
    return request("POST", path, EVENTS_TOKEN);
  }

  /** A field of the JSON, as the server writes it. */
  private static String field(String name, String current, String expected, boolean same) {
    return "\""
        + name
        + "\":{\"current\":"
        + quoted(current)
        + ",\"expected\":"
        + quoted(expected)
        + ",\"same\":"
        + same
        + "}";
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  /** A number as the server shows it, before the remembered part. */
  private static String number(
      String number,
      String sid,
      boolean wired,
      String voiceUrl,
      String smsUrl,
      String statusCallback) {
    boolean found = sid != null;
    String method = found ? "POST" : null;
    return "{\"number\":\""
        + number
        + "\",\"sid\":"
        + quoted(sid)
        + ",\"found\":"
        + found
        + ",\"wired\":"
        + wired
        + ",\"fields\":{"
        + field(
            "voice_url",
            voiceUrl,
            WEBHOOKS + "inbound_call",
            (WEBHOOKS + "inbound_call").equals(voiceUrl))
        + ","
        + field("voice_method", method, "POST", found)
        + ","
        + field(
            "sms_url", smsUrl, WEBHOOKS + "inbound_sms", (WEBHOOKS + "inbound_sms").equals(smsUrl))
        + ","
        + field("sms_method", method, "POST", found)
        + ","
        + field(
            "status_callback",
            statusCallback,
            WEBHOOKS + "call_status",
            (WEBHOOKS + "call_status").equals(statusCallback))
        + ","
        + field("status_callback_method", method, "POST", found)
        + "},";
  }

  private static final String ELSEWHERE_AS_FOUND =
      number(
              ELSEWHERE,
              ELSEWHERE_SID,
              false,
              "https://old.example.com/voice",
              "https://old.example.com/sms",
              "")
          + "\"remembered\":false}";
  private static final String RIGHT_AS_FOUND =
      number(
              RIGHT,
              RIGHT_SID,
              true,
              WEBHOOKS + "inbound_call",
              WEBHOOKS + "inbound_sms",
              WEBHOOKS + "call_status")
          + "\"remembered\":false}";
  private static final String ABSENT_AS_FOUND =
      number(ABSENT, null, false, null, null, null) + "\"remembered\":false}";

  private static final String ELSEWHERE_WIRED =
      number(
          ELSEWHERE,
          ELSEWHERE_SID,
          true,
          WEBHOOKS + "inbound_call",
          WEBHOOKS + "inbound_sms",
          WEBHOOKS + "call_status");

  /** What is remembered of {@code ELSEWHERE}: its webhooks as the fake was given them. */
  private static String previous(String wiredAt) {
    return "\"remembered\":true,\"previous\":{\"sid\":\""
        + ELSEWHERE_SID
        + "\",\"voice_url\":\"https://old.example.com/voice\",\"voice_method\":\"POST\","
        + "\"sms_url\":\"https://old.example.com/sms\",\"sms_method\":\"POST\","
        + "\"status_callback\":\"\",\"status_callback_method\":\"POST\",\"wired_at\":\""
        + wiredAt
        + "\"}}";
  }

  private String numbersJson() {
    HttpResponse<String> numbers = request("GET", "numbers", EVENTS_TOKEN);
    assertEquals(200, numbers.statusCode(), numbers.body());
    assertEquals("application/json", numbers.headers().firstValue("Content-Type").orElseThrow());
    return numbers.body();
  }

  private static String list(String... numbers) {
    return "{\"public_url\":\"" + PUBLIC + "\",\"numbers\":[" + String.join(",", numbers) + "]}";
  }

  @Test
  void theApplicationIsWhereTheExpectedUrlsSayItIs() {
    assertEquals("/numbers/", base.getPath());
  }

  @Test
  void atStartUpEachNumberIsLoggedWithHowItStands() {
    String differs =
        "twilio.numbers: "
            + ELSEWHERE
            + " ("
            + ELSEWHERE_SID
            + ") is not wired to this server: voice_url \"https://old.example.com/voice\","
            + " expected \""
            + WEBHOOKS
            + "inbound_call\"; sms_url \"https://old.example.com/sms\", expected \""
            + WEBHOOKS
            + "inbound_sms\"; status_callback none, expected \""
            + WEBHOOKS
            + "call_status\" (POST /numbers/"
            + ELSEWHERE
            + "/wire sets them)";
    String wired = "twilio.numbers: " + RIGHT + " (" + RIGHT_SID + ") is wired to this server";
    String absent = "twilio.numbers: " + ABSENT + " is not a number of Twilio account " + ACCOUNT;
    String log =
        eventually(
            20,
            "the three numbers in the log",
            () -> {
              String text = ServerLog.since(0);
              return Optional.ofNullable(
                  text.contains(differs) && text.contains(wired) && text.contains(absent)
                      ? text
                      : null);
            });
    assertTrue(log.contains("W " + differs), "a difference is a warning");
    assertTrue(log.contains("I " + wired), "a wired number is information");
    assertTrue(log.contains("W " + absent), "a missing number is a warning");
  }

  @Test
  void getNumbersComparesEachConfiguredNumber() {
    assertEquals(list(ELSEWHERE_AS_FOUND, RIGHT_AS_FOUND, ABSENT_AS_FOUND), numbersJson());
  }

  @Test
  void wireSetsTheWebhooksAndRemembersTheOriginalsWhichUnwireRestores() {
    TwilioNumber original = TWILIO.incomingNumber(ELSEWHERE);

    HttpResponse<String> wired = post("numbers/" + ELSEWHERE + "/wire");
    assertEquals(200, wired.statusCode(), wired.body());
    String wiredAt = json(wired.body()).getJsonObject("previous").getString("wired_at");
    Instant at = Instant.parse(wiredAt);
    assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 60, wiredAt);
    assertEquals(ELSEWHERE_WIRED + previous(wiredAt), wired.body());
    TwilioNumber atTwilio = TWILIO.incomingNumber(ELSEWHERE);
    assertEquals(WEBHOOKS + "inbound_call", atTwilio.voiceUrl());
    assertEquals("POST", atTwilio.voiceMethod());
    assertEquals(WEBHOOKS + "inbound_sms", atTwilio.smsUrl());
    assertEquals("POST", atTwilio.smsMethod());
    assertEquals(WEBHOOKS + "call_status", atTwilio.statusCallback());
    assertEquals("POST", atTwilio.statusCallbackMethod());
    assertEquals(
        list(ELSEWHERE_WIRED + previous(wiredAt), RIGHT_AS_FOUND, ABSENT_AS_FOUND), numbersJson());

    // wired again (percent-encoded this time): the originals stay remembered, not our own URLs
    HttpResponse<String> again = post("numbers/%2B" + ELSEWHERE.substring(1) + "/wire");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(ELSEWHERE_WIRED + previous(wiredAt), again.body());

    HttpResponse<String> unwired = post("numbers/" + ELSEWHERE + "/unwire");
    assertEquals(200, unwired.statusCode(), unwired.body());
    assertEquals(ELSEWHERE_AS_FOUND, unwired.body());
    TwilioNumber restored = TWILIO.incomingNumber(ELSEWHERE);
    assertEquals(
        original,
        new TwilioNumber(
            restored.sid(),
            restored.phoneNumber(),
            restored.voiceUrl(),
            restored.voiceMethod(),
            restored.smsUrl(),
            restored.smsMethod(),
            restored.statusCallback(),
            restored.statusCallbackMethod(),
            restored.created(),
            original.updated()),
        "every field as it was before the wiring");
    assertEquals(list(ELSEWHERE_AS_FOUND, RIGHT_AS_FOUND, ABSENT_AS_FOUND), numbersJson());

    HttpResponse<String> twice = post("numbers/" + ELSEWHERE + "/unwire");
    assertEquals(409, twice.statusCode());
    assertEquals(
        ELSEWHERE + " was not wired by this server: there is nothing to restore\n", twice.body());
  }

  @Test
  void aNumberAlreadyWiredIsLeftAsItIsWithNothingToRestore() {
    TwilioNumber before = TWILIO.incomingNumber(RIGHT);
    HttpResponse<String> wired = post("numbers/" + RIGHT + "/wire");
    assertEquals(200, wired.statusCode(), wired.body());
    assertEquals(RIGHT_AS_FOUND, wired.body());
    assertEquals(before, TWILIO.incomingNumber(RIGHT), "not updated at Twilio");

    HttpResponse<String> unwired = post("numbers/" + RIGHT + "/unwire");
    assertEquals(409, unwired.statusCode());
    assertTrue(unwired.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    assertEquals(
        RIGHT + " was not wired by this server: there is nothing to restore\n", unwired.body());
  }

  @Test
  void numbersNotConfiguredOrNotInTheAccountAreNotFound() {
    TwilioNumber before = TWILIO.incomingNumber(UNCONFIGURED);
    for (String act : new String[] {"wire", "unwire"}) {
      HttpResponse<String> unconfigured = post("numbers/" + UNCONFIGURED + "/" + act);
      assertEquals(404, unconfigured.statusCode());
      assertEquals(UNCONFIGURED + " is not one of twilio.numbers\n", unconfigured.body());
    }
    assertEquals(before, TWILIO.incomingNumber(UNCONFIGURED));
    assertEquals(UNCONFIGURED_SID, before.sid());

    HttpResponse<String> absent = post("numbers/" + ABSENT + "/wire");
    assertEquals(404, absent.statusCode());
    assertEquals(ABSENT + " is not a number of Twilio account " + ACCOUNT + "\n", absent.body());
  }

  @Test
  void theEndpointsWantTheEventsToken() {
    for (String[] call :
        new String[][] {
          {"GET", "numbers"},
          {"POST", "numbers/" + ELSEWHERE + "/wire"},
          {"POST", "numbers/" + ELSEWHERE + "/unwire"}
        }) {
      HttpResponse<String> none = request(call[0], call[1], null);
      assertEquals(401, none.statusCode(), call[1]);
      assertEquals("a bearer token is required\n", none.body());
      HttpResponse<String> wrong = request(call[0], call[1], "not-the-token");
      assertEquals(403, wrong.statusCode(), call[1]);
      assertEquals("wrong bearer token\n", wrong.body());
    }
    assertEquals(
        "https://old.example.com/voice",
        TWILIO.incomingNumber(ELSEWHERE).voiceUrl(),
        "nothing was wired");
  }
}
