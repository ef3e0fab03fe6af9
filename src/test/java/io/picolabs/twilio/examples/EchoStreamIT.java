package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.picolabs.twilio.testing.RelayClient;
import io.picolabs.twilio.testing.Wars;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The echo stream over a real WebSocket: the TwiML, the audio back in order, a mark a second. */
@ExtendWith(ArquillianExtension.class)
class EchoStreamIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Wars.project("echo.war")
        .addAsResource(new StringAsset(tokens()), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @Test
  void theCallIsConnectedToTheEchoStreamOfThisServer() {
    assertEquals(
        XML
            + "<Response><Connect><Stream url=\""
            + RelayClient.streamUrl(base, "echo")
            + "\"/></Connect></Response>",
        postForm(base, "twilio/echo_call", inboundCall("+18015550123")).body());
  }

  @Test
  void eachFrameComesBackInOrderWithAMarkEachSecond() throws Exception {
    List<String> expected = new ArrayList<>();
    try (RelayClient twilio = RelayClient.signed(RelayClient.streamUrl(base, "echo"))) {
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
  void anUnsignedUpgradeGetsNoStream() {
    URI url = RelayClient.streamUrl(base, "echo");
    CompletionException refused =
        assertThrows(CompletionException.class, () -> RelayClient.connect(url, null).join());
    assertEquals(
        403,
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause())
            .getResponse()
            .statusCode());
  }
}
