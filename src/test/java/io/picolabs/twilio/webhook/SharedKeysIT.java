package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ConsolePage;
import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.TwilioRequests;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.Exchange;
import io.picolabs.twilio.testkit.PhoneCall;
import io.picolabs.twilio.testkit.SharedKey;
import io.picolabs.twilio.testkit.TwilioPhone;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks signed with shared keys (Twilio's Webhooks configuration API): the key and algorithm
 * that {@code X-Twilio-Webhooks-Signature-Settings} names decide. Three applications: one with two
 * keys live (a rotation) that still trusts the auth token, one that requires a key, and the
 * project's WAR with the console on, requiring a key. Requests are signed by the test kit, apart
 * from the server's code.
 *
 * <p>Malformed keys are refused by {@code WebhookConfigTest}: deployed, such an application fails
 * while its context starts (the message in the log, never the secret), and Arquillian would wait
 * its whole deploy timeout (60 s) for a start that never comes.
 */
@ExtendWith(ArquillianExtension.class)
class SharedKeysIT {
  static final String SETTINGS = "X-Twilio-Webhooks-Signature-Settings";
  static final SharedKey OLD = SharedKey.of("KS00000000000000000000000000000001", "old-secret");
  // a secret may hold colons: the pair is split at the first
  static final SharedKey NEW = SharedKey.of("KS00000000000000000000000000000002", "new:secret");
  static final String KEYS = OLD.id() + ":" + OLD.secret() + ", " + NEW.id() + ":" + NEW.secret();
  static final String CALLER = "+8015552311";
  static final String CONSOLE_PASSWORD = "console-secret";

  private static WebArchive war(String name, String config) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addAsLibraries(Wars.library())
        .addClasses(RootApplication.class, SharedKeyRules.class)
        .addAsResource(
            new StringAsset(tokens() + config), "META-INF/microprofile-config.properties");
  }

  @Deployment(name = "keys", testable = false)
  static WebArchive keys() {
    return war("shared-keys", "twilio.webhook.shared-keys=" + KEYS + "\n");
  }

  @Deployment(name = "required", testable = false)
  static WebArchive required() {
    return war(
        "shared-key-required",
        "twilio.webhook.shared-keys="
            + NEW.id()
            + ":"
            + NEW.secret()
            + "\ntwilio.webhook.require-shared-key=true\n");
  }

  /** The project's WAR with the console on, trusting only the new key. */
  @Deployment(name = "console", testable = false)
  static WebArchive console() {
    String config =
        tokens()
            + "twilio.console.enabled=true\nconsole.password="
            + CONSOLE_PASSWORD
            + "\ntwilio.webhook.shared-keys="
            + NEW.id()
            + ":"
            + NEW.secret()
            + "\ntwilio.webhook.require-shared-key=true\n";
    return Wars.project("shared-key-console.war")
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource
  @OperateOnDeployment("keys")
  URL base;

  @ArquillianResource
  @OperateOnDeployment("required")
  URL requiredBase;

  @ArquillianResource
  @OperateOnDeployment("console")
  URL consoleBase;

  private static HttpResponse<String> signed(
      URL at, String path, Map<String, String> params, String settings, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(at, path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(SETTINGS, settings)
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8));
    return send(request);
  }

  /** A form POST signed with {@code key}, naming it, as Twilio sends one. */
  private static HttpResponse<String> signedWith(
      SharedKey key, URL at, String path, Map<String, String> params) {
    return signed(at, path, params, key.settingsHeader(), signature(key, at, path, params));
  }

  private static String signature(SharedKey key, URL at, String path, Map<String, String> params) {
    return key.sign(uri(at, path).toString(), multi(params));
  }

  private static Map<String, List<String>> multi(Map<String, String> params) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    params.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  private static int runs(URL at) {
    String body = event(at, "events/test/count", "application/json", "{}").body();
    return Integer.parseInt(body.replaceAll(".*\"runs (\\d+)\".*", "$1"));
  }

  private static void assertAnswered(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(XML + "<Response><Say>Hello " + CALLER + "</Say></Response>", response.body());
  }

  private static void assertRefused(HttpResponse<String> response, String message) {
    assertEquals(403, response.statusCode(), response.body());
    assertEquals(message + "\n", response.body());
  }

  @Test
  void eitherLiveKeyIsAnsweredAndSoIsTheAuthToken() {
    Map<String, String> params = inboundCall(CALLER);
    assertAnswered(signedWith(OLD, base, "twilio/greet", params));
    assertAnswered(signedWith(NEW, base, "twilio/greet", params));
    SharedKey sha1 = new SharedKey(NEW.id(), NEW.secret(), SharedKey.HMAC_SHA1);
    assertAnswered(signedWith(sha1, base, "twilio/greet", params));
    // no settings header: the auth token, as before (a shared key is not required here)
    assertAnswered(postForm(base, "twilio/greet", params));
  }

  @Test
  void unknownKeysWrongSignaturesAndBadSettingsFireNoRule() {
    Map<String, String> params = inboundCall(CALLER);
    String old = signature(OLD, base, "twilio/greet", params);
    int before = runs(base);

    SharedKey unknown = SharedKey.of("KS00000000000000000000000000000009", OLD.secret());
    assertRefused(
        signedWith(unknown, base, "twilio/greet", params),
        "unknown key in X-Twilio-Webhooks-Signature-Settings");
    SharedKey wrongSecret = SharedKey.of(OLD.id(), "not-the-secret");
    assertRefused(
        signedWith(wrongSecret, base, "twilio/greet", params), "invalid X-Twilio-Signature");
    // the old key's signature under the new key's name, and with the algorithm changed
    assertRefused(
        signed(base, "twilio/greet", params, NEW.settingsHeader(), old),
        "invalid X-Twilio-Signature");
    assertRefused(
        signed(base, "twilio/greet", params, "key=" + OLD.id() + ",algorithm=HMAC_SHA1", old),
        "invalid X-Twilio-Signature");
    // the auth token's signature does not count once a key is named
    String tokenSigned = TwilioRequests.signature(uri(base, "twilio/greet"), params);
    assertRefused(
        signed(base, "twilio/greet", params, OLD.settingsHeader(), tokenSigned),
        "invalid X-Twilio-Signature");
    assertRefused(
        signed(base, "twilio/greet", params, "key=" + OLD.id() + ",algorithm=HMAC_SHA512", old),
        "unsupported algorithm in X-Twilio-Webhooks-Signature-Settings");
    assertRefused(
        signed(base, "twilio/greet", params, OLD.id(), old),
        "malformed X-Twilio-Webhooks-Signature-Settings");
    assertRefused(
        signed(base, "twilio/greet", params, "", old),
        "malformed X-Twilio-Webhooks-Signature-Settings");
    assertEquals(before, runs(base));
  }

  @Test
  void jsonBodiesAreCoveredByTheirHashUnderAKeyToo() throws Exception {
    byte[] json = "{\"Body\":\"from json\"}".getBytes(StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    URI echo = uri(base, "twilio/echo?bodySHA256=" + hash);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(echo)
            .header("Content-Type", "application/json")
            .header(SETTINGS, NEW.settingsHeader())
            .header("X-Twilio-Signature", NEW.sign(echo.toString(), Map.of()));
    HttpResponse<String> answered =
        send(request.copy().POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    assertEquals(200, answered.statusCode(), answered.body());
    assertEquals(XML + "<Response><Say>from json</Say></Response>", answered.body());
    assertRefused(
        send(request.copy().POST(HttpRequest.BodyPublishers.ofString("{\"Body\":\"forged\"}"))),
        "invalid X-Twilio-Signature");
  }

  @Test
  void aPhoneOfTheTestKitWithASharedKeyGetsThrough() {
    TwilioPhone phone = TwilioPhone.at(base).sharedKey(NEW.id(), NEW.secret());
    // closing posts the call's status callback, signed with the key: it fails if refused
    try (PhoneCall call = phone.from(CALLER).call("twilio/greet")) {
      call.hears("Hello " + CALLER).hangsUp();
    }
    phone.from(CALLER).text("twilio/text", "hi").repliesWith("Got: hi");
    TwilioPhone unknown = TwilioPhone.at(base).sharedKey("KS00000000000000000000000000000009", "x");
    List<Exchange> refused = unknown.from(CALLER).text("twilio/text", "hi").noReply().exchanges();
    assertEquals(1, refused.size());
    assertEquals(403, refused.get(0).status());
    assertEquals("unknown key in X-Twilio-Webhooks-Signature-Settings\n", refused.get(0).body());
  }

  @Test
  void withAKeyRequiredTheAuthTokenIsRefused() {
    Map<String, String> params = inboundCall(CALLER);
    int before = runs(requiredBase);
    assertRefused(
        postForm(requiredBase, "twilio/greet", params),
        "missing X-Twilio-Webhooks-Signature-Settings: webhooks must be signed with a shared key");
    assertRefused(
        signedWith(OLD, requiredBase, "twilio/greet", params),
        "unknown key in X-Twilio-Webhooks-Signature-Settings");
    assertRefused(
        send(
            HttpRequest.newBuilder(uri(requiredBase, "twilio/greet"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))),
        "missing X-Twilio-Signature");
    assertEquals(before, runs(requiredBase));
    assertAnswered(signedWith(NEW, requiredBase, "twilio/greet", params));
    TwilioPhone phone = TwilioPhone.at(requiredBase).sharedKey(NEW.id(), NEW.secret());
    try (PhoneCall call = phone.from(CALLER).call("twilio/greet")) {
      call.hears("Hello " + CALLER).hangsUp();
    }
  }

  @Test
  void theConsoleSignsWithTheKeyWhenOnlyKeysAreTrusted() {
    HttpResponse<String> texted =
        ConsolePage.load(consoleBase, CONSOLE_PASSWORD)
            .post("texts", Map.of("from", CALLER, "event", "inbound_sms", "body", "hi"));
    // the example's reply came back: the server took the console's signature
    assertEquals(200, texted.statusCode(), texted.body());
    assertEquals("{\"replies\":1}", texted.body());
    assertRefused(
        postForm(consoleBase, "twilio/inbound_sms", inboundCall(CALLER)),
        "missing X-Twilio-Webhooks-Signature-Settings: webhooks must be signed with a shared key");
  }

  @Test
  void theStartNamesTheKeysInTheLogAndNoSecret() {
    String log = ServerLog.since(0);
    assertTrue(
        log.contains(
            "webhooks signed with shared keys "
                + OLD.id()
                + ", "
                + NEW.id()
                + " are accepted; so are webhooks signed with the auth token\n"),
        log);
    assertTrue(
        log.contains(
            "webhooks signed with shared keys "
                + NEW.id()
                + " are accepted; webhooks signed with the auth token are refused"
                + " (twilio.webhook.require-shared-key=true)\n"),
        log);
    assertFalse(log.contains(OLD.secret()), "the old key's secret is in the log");
    assertFalse(log.contains(NEW.secret()), "the new key's secret is in the log");
  }
}
