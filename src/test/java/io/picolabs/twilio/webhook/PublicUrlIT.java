package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.security.TwilioSignature;
import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.Wars;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a TLS-terminating proxy: Twilio signs the public URL, not the one Liberty sees; an
 * application without an events token keeps its event channel closed; and with the deadline turned
 * off the rules answer from the request thread.
 */
@ExtendWith(ArquillianExtension.class)
class PublicUrlIT {
  static final String PUBLIC = "https://voice.example.com";

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "proxied.war")
        .addAsLibraries(Wars.library())
        .addClass(RootApplication.class)
        .addClass(SecurityRules.class)
        .addAsResource(
            new StringAsset(
                "twilio.auth-token="
                    + AUTH_TOKEN
                    + "\ntwilio.webhook.public-url="
                    + PUBLIC
                    + "/\n"
                    // and without a deadline: the rules answer from the request thread itself
                    + "twilio.webhook.deadline-ms=0\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private HttpResponse<String> post(String signedUrl, String header) {
    Map<String, String> params = Map.of("From", "+911");
    String signature =
        TwilioSignature.compute(AUTH_TOKEN, signedUrl, Map.of("From", List.of("+911")));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(base, "twilio/echo?x=%3A1"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    if (header != null) {
      request.header("X-Forwarded-Host", header);
    }
    return send(request);
  }

  @Test
  void theSignedUrlIsThePublicOne() {
    HttpResponse<String> viaProxy = post(PUBLIC + "/proxied/twilio/echo?x=%3A1", null);
    assertEquals(200, viaProxy.statusCode(), viaProxy.body());
    assertEquals(XML + "<Response><Say/></Response>", viaProxy.body());
    assertEquals(200, post(PUBLIC + ":443/proxied/twilio/echo?x=%3A1", null).statusCode());
    assertEquals(403, post(uri(base, "twilio/echo?x=%3A1").toString(), null).statusCode());
    assertEquals(403, post(PUBLIC + "/proxied/twilio/echo?x=:1", null).statusCode());
  }

  @Test
  void forwardedHeadersAreNotBelievedByDefault() {
    assertEquals(
        403, post("http://evil.example/proxied/twilio/echo?x=%3A1", "evil.example").statusCode());
  }

  @Test
  void withoutAnEventsTokenTheChannelIsClosed() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(base, "events/test/count"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer anything")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(403, response.statusCode());
    assertEquals("the event channel is closed\n", response.body());
  }
}
