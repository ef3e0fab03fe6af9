package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testkit.Exchange;
import io.picolabs.twilio.testkit.PhoneCall;
import io.picolabs.twilio.testkit.TwilioPhone;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example rulesets as conversations, written with the test kit the way a rule author would: the
 * WAR as built, called and texted by the offline phone over HTTP, signed like Twilio.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(ZipImporter.class, "conversations.war")
        .importFrom(new File(System.getProperty("application.war", "target/twilio-rules.war")))
        .as(WebArchive.class)
        .addAsResource(
            new StringAsset(
                "twilio.auth-token=" + AUTH_TOKEN + "\nevents.token=" + EVENTS_TOKEN + "\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private TwilioPhone phone() {
    return TwilioPhone.at(base).authToken(AUTH_TOKEN);
  }

  @ParameterizedTest
  @CsvSource({
    "+911, The Man, 1",
    "+8015552311, Big Bird, 7",
    "+8029875634, Scam Artist, 0",
    "+18019919911, Monkey, 9"
  })
  void helloMonkeyGreetsEachCallerByNameAndKeepsTheirFavoriteNumber(
      String from, String name, String digit) {
    try (PhoneCall call = phone().from(from).call("/twilio/inbound_call")) {
      call.hears("Hello " + name)
          .hears("What is your favorite number?")
          .press(digit)
          .hears("Your favorite number is " + digit + ".")
          .hangsUp();
      Exchange callback = call.simulator().statusCallback();
      assertEquals(200, callback.status(), "the call's status callback was accepted");
      assertEquals("completed", callback.params().get("CallStatus"));
    }
    HttpResponse<String> vars =
        withToken(base, "entities/" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "/vars");
    assertEquals("{\"favorite\":\"" + digit + "\"}", vars.body());
  }

  @Test
  void helloMonkeyTakesOnlyTheFirstKey() {
    try (PhoneCall call = phone().from("+911").call("/twilio/inbound_call")) {
      call.hears("Hello The Man")
          .hears("What is your favorite number?")
          .press("42#")
          .hears("Your favorite number is 4.")
          .hangsUp();
    }
  }

  @Test
  void aCallerWhoPressesNothingHearsTheQuestionAndTheCallEnds() {
    try (PhoneCall call = phone().from("+8015552311").call("/twilio/inbound_call")) {
      call.hears("Hello Big Bird").hears("What is your favorite number?").staysSilent().hangsUp();
      assertEquals(1, call.simulator().exchanges().size(), "nothing was posted to the action");
      assertEquals(2 + 5, call.simulator().seconds());
    }
  }

  @Test
  void theSmsReplyAnswersEachSenderByName() {
    phone()
        .from("+8015552311")
        .text("/twilio/inbound_sms", "Where are you?")
        .repliesWith("Hello Big Bird, you said: Where are you?");
    phone()
        .from("+18015550100")
        .text("/twilio/inbound_sms", "Look", "https://example.com/monkey.jpg")
        .repliesWith("Hello Monkey, you said: Look (and sent 1 media)");
  }

  @Test
  void anUnsignedCallIsRefusedAndTheCallerHearsTwiliosApology() {
    try (PhoneCall call =
        phone().unsigned().statusCallback(null).from("+911").call("/twilio/inbound_call")) {
      call.hears("We are sorry, an application error has occurred. Goodbye.");
      assertEquals(403, call.simulator().exchanges().get(0).status());
    }
  }
}
