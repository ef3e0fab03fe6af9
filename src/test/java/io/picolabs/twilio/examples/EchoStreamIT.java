package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.signature;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.picolabs.twilio.testing.RelayClient;
import io.picolabs.twilio.testing.Wars;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The echo stream over a real WebSocket: the TwiML, the audio back in order, a mark a second;
 * behind a public URL (as behind a proxy or a tunnel), which both the stream's URL and the
 * upgrade's signature are read with, as webhooks are.
 */
@ExtendWith(ArquillianExtension.class)
class EchoStreamIT {
  private static final String PUBLIC = "https://voice.example.com";

  /** What Twilio connects to and signs: the public URL's. */
  private static final URI SIGNED = URI.create("wss://voice.example.com/echo/twilio/stream/echo");

  @Deployment(testable = false)
  static WebArchive application() {
    return Wars.project("echo.war")
        .addAsResource(
            new StringAsset(tokens() + "twilio.webhook.public-url=" + PUBLIC + "\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @Test
  void theCallIsConnectedToTheEchoStreamOfThisServer() {
    Map<String, String> params = inboundCall("+18015550123");
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri(base, "twilio/echo_call"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "X-Twilio-Signature",
                    signature(URI.create(PUBLIC + "/echo/twilio/echo_call"), params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    assertEquals(
        XML
            + "<Response><Connect><Stream url=\""
            + SIGNED
            + "\"/></Connect><Say>The echo is over. Goodbye.</Say></Response>",
        answer.body());
  }

  @Test
  void eachFrameComesBackInOrderWithAMarkEachSecond() throws Exception {
    List<String> expected = new ArrayList<>();
    try (RelayClient twilio =
        RelayClient.connect(RelayClient.streamUrl(base, "echo"), signature(SIGNED, Map.of()))
            .join()) {
      twilio.send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
      twilio.send(
          "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\","
              + "\"streamSid\":\"MZ00000000000000000000000000000001\",\"callSid\":\"CA1\","
              + "\"tracks\":[\"inbound\"],\"customParameters\":{},\"mediaFormat\":"
              + "{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},"
              + "\"streamSid\":\"MZ00000000000000000000000000000001\"}");
      for (int chunk = 1; chunk <= 60; chunk++) {
        byte[] frame = new byte[160];
        java.util.Arrays.fill(frame, (byte) chunk);
        String payload = Base64.getEncoder().encodeToString(frame);
        twilio.send(
            "{\"event\":\"media\",\"sequenceNumber\":\""
                + (chunk + 1)
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
                + chunk
                + "\",\"timestamp\":\""
                + (chunk - 1) * 20
                + "\",\"payload\":\""
                + payload
                + "\"},\"streamSid\":\"MZ00000000000000000000000000000001\"}");
        expected.add(
            "{\"event\":\"media\",\"streamSid\":\"MZ00000000000000000000000000000001\","
                + "\"media\":{\"payload\":\""
                + payload
                + "\"}}");
        if (chunk == 51) { // timestamp 1000 ms
          expected.add(
              "{\"event\":\"mark\",\"streamSid\":\"MZ00000000000000000000000000000001\","
                  + "\"mark\":{\"name\":\"second 1\"}}");
        }
      }
      List<String> received = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        received.add(twilio.next());
      }
      assertEquals(expected, received);
      assertNull(twilio.nextWithin(300));
    }
  }

  @Test
  void anUpgradeNotSignedForThePublicUrlGetsNoStream() {
    URI url = RelayClient.streamUrl(base, "echo");
    for (String signature : new String[] {null, signature(url, Map.of())}) {
      CompletionException refused =
          assertThrows(CompletionException.class, () -> RelayClient.connect(url, signature).join());
      assertEquals(
          403,
          assertInstanceOf(WebSocketHandshakeException.class, refused.getCause())
              .getResponse()
              .statusCode(),
          "signed " + signature);
    }
  }
}
