package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.signature;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.security.Secrets;
import io.picolabs.twilio.security.TwilioSignature;
import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/** Only Twilio's signed requests drive rules, every answer comes in time, bad input never 5xx. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {
  static final String FALLBACK = "<Response><Say>Busy, call back</Say><Hangup/></Response>";

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        tokens()
            + "twilio.webhook.deadline-ms=1000\n"
            + "twilio.webhook.fallback-twiml="
            + FALLBACK
            + "\n"
            + "twilio.webhook.max-body-bytes=4096\n";
    return ShrinkWrap.create(WebArchive.class, "secure.war")
        .addAsLibraries(Wars.library())
        .addClass(RootApplication.class)
        .addClass(SecurityRules.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private int runs() {
    String body = event(base, "events/test/count", "application/json", "{}").body();
    return Integer.parseInt(body.replaceAll(".*\"runs (\\d+)\".*", "$1"));
  }

  private HttpResponse<String> signedWith(
      String signature, String path, Map<String, String> params) {
    return send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(form(params))));
  }

  private static void assertRefused(HttpResponse<String> response, String message) {
    assertEquals(403, response.statusCode(), response.body());
    assertEquals(message + "\n", response.body());
  }

  @Test
  void signedRequestsAreAnswered() {
    int before = runs();
    HttpResponse<String> response = postForm(base, "twilio/counted", inboundCall("+911"));
    assertEquals(200, response.statusCode());
    assertEquals(
        XML + "<Response><Say>run " + (before + 1) + " from +911</Say></Response>",
        response.body());
  }

  @Test
  void forgedTamperedMisdirectedAndUnsignedRequestsFireNoRule() {
    Map<String, String> params = inboundCall("+911");
    URI counted = uri(base, "twilio/counted");
    int before = runs();
    String forged =
        TwilioSignature.compute(
            "not-the-token", counted.toString(), Map.of("From", List.of("+911")));
    assertRefused(signedWith(forged, "twilio/counted", params), "invalid X-Twilio-Signature");
    Map<String, String> tampered = inboundCall("+8015552311");
    assertRefused(
        signedWith(signature(counted, params), "twilio/counted", tampered),
        "invalid X-Twilio-Signature");
    String forOtherUrl = signature(uri(base, "twilio/other"), params);
    assertRefused(signedWith(forOtherUrl, "twilio/counted", params), "invalid X-Twilio-Signature");
    assertRefused(
        send(
            HttpRequest.newBuilder(counted)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))),
        "missing X-Twilio-Signature");
    assertRefused(signedWith("garbage", "twilio/counted", params), "invalid X-Twilio-Signature");
    assertRefused(
        send(
            HttpRequest.newBuilder(uri(base, "twilio/counted?From=%2B911"))
                .header(
                    "X-Twilio-Signature",
                    signature(uri(base, "twilio/counted?From=%2B912"), Map.of()))
                .GET()),
        "invalid X-Twilio-Signature");
    assertEquals(before, runs());
  }

  @Test
  void repeatedParametersAreSignedAndKept() {
    URI echo = uri(base, "twilio/echo");
    String body = "Body=b&Body=a&From=%2B911";
    String signature =
        TwilioSignature.compute(
            AUTH_TOKEN,
            echo.toString(),
            Map.of("Body", List.of("b", "a"), "From", List.of("+911")));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(echo)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(XML + "<Response><Say>b,a</Say></Response>", response.body());
  }

  @Test
  void jsonBodiesAreCheckedThroughTheirHash() {
    byte[] json = "{\"Body\":\"from json\"}".getBytes(StandardCharsets.UTF_8);
    URI echo =
        uri(base, "twilio/echo?bodySHA256=" + HexFormat.of().formatHex(Secrets.sha256(json)));
    String signature = TwilioSignature.compute(AUTH_TOKEN, echo.toString(), Map.of());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(echo)
            .header("Content-Type", "application/json")
            .header("X-Twilio-Signature", signature);
    assertEquals(
        XML + "<Response><Say>from json</Say></Response>",
        send(request.copy().POST(HttpRequest.BodyPublishers.ofByteArray(json))).body());
    assertRefused(
        send(request.copy().POST(HttpRequest.BodyPublishers.ofString("{\"Body\":\"forged\"}"))),
        "invalid X-Twilio-Signature");
  }

  @Test
  void aRetriedDeliveryGetsTheFirstAnswerWithoutRunningTheRulesAgain() throws Exception {
    Map<String, String> params = inboundCall("+911");
    URI counted = uri(base, "twilio/counted");
    HttpRequest.Builder delivery =
        HttpRequest.newBuilder(counted)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature(counted, params))
            .header("I-Twilio-Idempotency-Token", "idem-" + System.nanoTime())
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    int before = runs();
    String first = send(delivery.copy()).body();
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> send(delivery.copy()).body());
    String third = send(delivery.copy()).body();
    assertEquals(XML + "<Response><Say>run " + (before + 1) + " from +911</Say></Response>", first);
    assertEquals(first, second.get());
    assertEquals(first, third);
    assertEquals(before + 1, runs());
    String another =
        send(delivery.copy().setHeader("I-Twilio-Idempotency-Token", "other-" + System.nanoTime()))
            .body();
    assertEquals(
        XML + "<Response><Say>run " + (before + 2) + " from +911</Say></Response>", another);
  }

  @Test
  void slowRulesGiveWayToTheFallbackInTime() {
    long logStart = ServerLog.length();
    long start = System.nanoTime();
    HttpResponse<String> response = postForm(base, "twilio/slow", inboundCall("+911"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, response.statusCode());
    assertEquals(XML + FALLBACK, response.body());
    assertTrue(millis < 2500, "answered after " + millis + " ms");
    String log = ServerLog.since(logStart);
    assertTrue(
        log.contains(
            "event twilio slow not answered within 1000 ms: rule SecurityRules.slow is still running"),
        log);
  }

  @Test
  void theEventChannelWantsItsToken() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(base, "events/test/count"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    HttpResponse<String> missing = send(request.copy());
    assertEquals(401, missing.statusCode());
    assertEquals("a bearer token is required\n", missing.body());
    assertEquals("Bearer", missing.headers().firstValue("WWW-Authenticate").orElseThrow());
    HttpResponse<String> wrong = send(request.copy().header("Authorization", "Bearer nope"));
    assertEquals(403, wrong.statusCode());
    assertEquals("wrong bearer token\n", wrong.body());
    assertEquals(401, send(request.copy().header("Authorization", "Basic dGVzdA==")).statusCode());
    assertEquals(200, event(base, "events/test/count", "application/json", "{}").statusCode());
  }

  @Test
  void oversizedBodiesAreRefused() {
    Map<String, String> params = inboundCall("+911");
    params.put("Body", "x".repeat(5000));
    HttpResponse<String> response = postForm(base, "twilio/counted", params);
    assertEquals(413, response.statusCode());
    assertEquals("request body over 4096 bytes\n", response.body());
    HttpResponse<String> event =
        event(
            base, "events/test/count", "application/json", "{\"a\":\"" + "y".repeat(5000) + "\"}");
    assertEquals(413, event.statusCode());
  }

  /**
   * Thousands of randomly damaged requests: each answer a 4xx or well-formed TwiML, never a 5xx.
   */
  @Test
  void mutatedRequestsNeverBreakTheServer() throws Exception {
    Random random = new Random(20261127);
    Map<String, String> params = inboundCall("+911");
    params.put("Body", "Hello & <welcome> ünï 🐵");
    URI counted = uri(base, "twilio/counted");
    byte[] body = form(params).getBytes(StandardCharsets.UTF_8);
    String signature = signature(counted, params);
    String[] contentTypes = {
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=UTF-8",
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/xml",
      ""
    };
    String[] methods = {"POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH"};
    int answered = 0;
    for (int i = 0; i < 2500; i++) {
      byte[] mutated = body.clone();
      String sig = signature;
      String contentType = contentTypes[0];
      String method = "POST";
      String path = "twilio/counted";
      switch (random.nextInt(9)) {
        case 0 -> mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        case 1 -> {
          char[] chars = sig.toCharArray();
          chars[random.nextInt(chars.length)] = (char) (33 + random.nextInt(94));
          sig = new String(chars);
        }
        case 2 -> {
          mutated = new byte[random.nextInt(600)];
          random.nextBytes(mutated);
        }
        case 3 -> {
          String text = new String(body, StandardCharsets.ISO_8859_1);
          int at = random.nextInt(text.length());
          String[] junk = {"%", "%G", "%C3%28", "%FF", "&&", "=", "%00", "+"};
          mutated =
              (text.substring(0, at) + junk[random.nextInt(junk.length)] + text.substring(at))
                  .getBytes(StandardCharsets.ISO_8859_1);
        }
        case 4 -> mutated = java.util.Arrays.copyOf(body, random.nextInt(body.length));
        case 5 -> contentType = contentTypes[random.nextInt(contentTypes.length)];
        case 6 -> method = methods[random.nextInt(methods.length)];
        case 7 ->
            path =
                "twilio/"
                    + Integer.toHexString(random.nextInt())
                    + (random.nextBoolean() ? "%2F.." : "_x");
        default -> {
          // unchanged: a valid request among the damaged ones
        }
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(base, path)).header("X-Twilio-Signature", sig);
      if (!contentType.isEmpty()) {
        request.header("Content-Type", contentType);
      }
      request.method(
          method,
          method.equals("GET")
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(mutated));
      HttpResponse<String> response = send(request);
      int status = response.statusCode();
      assertTrue(status < 500, "request " + i + " answered " + status + ": " + response.body());
      if (status == 200) {
        answered++;
        Document document =
            DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("Response", document.getDocumentElement().getTagName(), response.body());
      } else {
        assertTrue(status >= 400, "request " + i + " answered " + status);
      }
    }
    assertTrue(answered > 100, "only " + answered + " requests were valid");
  }
}
