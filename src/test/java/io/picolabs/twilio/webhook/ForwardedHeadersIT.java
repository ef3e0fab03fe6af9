package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.security.TwilioSignature;
import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a trusted proxy that says where Twilio's request went ({@code X-Forwarded-Proto}, {@code
 * -Host}, {@code -Port}) and no public URL: the signature is checked against that URL, and the
 * absolute URLs this server gives Twilio (a placed call's {@code Url} and {@code StatusCallback})
 * are built from the same reading.
 */
@ExtendWith(ArquillianExtension.class)
class ForwardedHeadersIT {
  static final FakeTwilio TWILIO = FakeTwilio.start(AUTH_TOKEN).messagesStayQueued();
  static final String CALLER = "+18015552311";

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "forwarded.war")
        .addAsLibraries(Wars.library())
        .addClasses(RootApplication.class, ForwardedRules.class)
        .addAsResource(
            new StringAsset(
                String.join(
                    "\n",
                    "twilio.auth-token=" + AUTH_TOKEN,
                    "twilio.account-sid=AC00000000000000000000000000000001",
                    "twilio.api-url=" + TWILIO.url(),
                    "twilio.webhook.trust-forwarded-headers=true",
                    "")),
            "META-INF/microprofile-config.properties");
  }

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  @BeforeEach
  void forget() {
    TWILIO.reset();
  }

  @ArquillianResource URL base;

  /** Twilio's request as the proxy passes it on, signed for {@code signedUrl}. */
  private HttpResponse<String> viaProxy(String signedUrl, String port) {
    Map<String, String> params = Map.of("From", CALLER);
    String signature =
        TwilioSignature.compute(AUTH_TOKEN, signedUrl, Map.of("From", List.of(CALLER)));
    return send(
        HttpRequest.newBuilder(uri(base, "twilio/call_me_back"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "voice.example.com")
            .header("X-Forwarded-Port", port)
            .POST(HttpRequest.BodyPublishers.ofString(form(params))));
  }

  private FakeTwilio.Request placedCall() {
    return eventually(
        10, "the call placed at the fake Twilio API", () -> TWILIO.posts().stream().findFirst());
  }

  @Test
  void theForwardedPortIsInTheSignedUrlAndInTheUrlsGivenToTwilio() {
    String publicBase = "https://voice.example.com:8443/forwarded";
    HttpResponse<String> answer = viaProxy(publicBase + "/twilio/call_me_back", "8443");
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(XML + "<Response><Say>calling you back</Say></Response>", answer.body());

    Map<String, List<String>> call = placedCall().form();
    assertEquals(List.of(CALLER), call.get("To"));
    assertEquals(List.of(publicBase + "/twilio/inbound_call"), call.get("Url"));
    String callback = call.get("StatusCallback").get(0);
    assertTrue(
        callback.matches(
            "https://voice\\.example\\.com:8443/forwarded/twilio/call_status\\?outbox=[^&]+"),
        callback);
  }

  @Test
  void theSchemesDefaultPortIsLeftOut() {
    HttpResponse<String> answer =
        viaProxy("https://voice.example.com/forwarded/twilio/call_me_back", "443");
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(
        List.of("https://voice.example.com/forwarded/twilio/inbound_call"),
        placedCall().form().get("Url"));
  }

  @Test
  void aSignatureOfAnotherUrlIsRefused() {
    // signed for the URL this server sees itself, while the proxy says Twilio went elsewhere
    HttpResponse<String> inside = viaProxy(uri(base, "twilio/call_me_back").toString(), "8443");
    assertEquals(403, inside.statusCode());
    assertEquals("invalid X-Twilio-Signature\n", inside.body());
    // and a wrong port
    HttpResponse<String> otherPort =
        viaProxy("https://voice.example.com:9443/forwarded/twilio/call_me_back", "8443");
    assertEquals(403, otherPort.statusCode());
    assertEquals(List.of(), TWILIO.posts());
  }
}
