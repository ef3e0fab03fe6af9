package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.get;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.Exchange;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.PhoneCall;
import io.picolabs.twilio.testkit.SentText;
import io.picolabs.twilio.testkit.TwilioPhone;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
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

  /** Twilio's REST API as the test kit fakes it: the rules' messages reach the phone through it. */
  static final FakeTwilio TWILIO = FakeTwilio.start(AUTH_TOKEN).statusDelay(Duration.ofMillis(20));

  static final String ACCOUNT = "AC00000000000000000000000000000011";

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.auth-token=" + AUTH_TOKEN,
            "events.token=" + EVENTS_TOKEN,
            "twilio.account-sid=" + ACCOUNT,
            "twilio.api-url=" + TWILIO.url(),
            "twilio.outbox.poll-ms=200");
    return Wars.project("conversations.war")
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  @ArquillianResource URL base;

  private TwilioPhone phone() {
    return TwilioPhone.at(base).authToken(AUTH_TOKEN).api(TWILIO);
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
          .hearsPrompt("What is your favorite number?")
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
  void helloMonkeyByVoiceKeepsTheNumberTheCallerSays() {
    try (PhoneCall call = phone().from("+18015550199").call("/twilio/monkey_voice")) {
      call.hears("Hello! What is your favorite number?")
          .says("Let me think")
          .hearsText("Sorry, I did not catch a number. What is your favorite number?")
          .says("I think seven")
          .hearsText("Your favorite number is 7.")
          .hears("Goodbye!")
          .hangsUp();
      Exchange action = call.simulator().exchanges().get(1);
      assertEquals(
          "ended {\"favorite\":\"7\"}",
          action.params().get("SessionStatus") + " " + action.params().get("HandoffData"),
          "the Connect's action after the session's end");
      assertEquals(200, action.status());
    }
    assertEquals("{\"favorite\":\"7\"}", withToken(base, "entities/%2B18015550199/vars").body());
  }

  @Test
  void theEchoStreamPlaysTheCallersAudioBackMarksEachSecondAndEndsOnTheHashKey() {
    byte[] audio = new byte[75 * 160]; // 1.5 s of μ-law, each 20 ms frame its own bytes
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (byte) (i / 160 + i % 7);
    }
    try (PhoneCall call = phone().from("+18015550142").call("/twilio/echo_call")) {
      call.sendsAudio(audio)
          .hearsAudio(Arrays.copyOf(audio, 51 * 160)) // up to the frame at 1,000 ms
          .hearsMark("second 1")
          .hearsAudio(Arrays.copyOfRange(audio, 51 * 160, audio.length))
          .press("#")
          .hears("The echo is over. Goodbye.")
          .hangsUp();
      assertEquals(1, call.simulator().exchanges().size(), "no action: the TwiML went on");
      assertEquals(1, call.simulator().seconds() - 1, "1.5 s of audio, then the goodbye");
    }
  }

  @Test
  void helloMonkeyTakesOnlyTheFirstKey() {
    try (PhoneCall call = phone().from("+911").call("/twilio/inbound_call")) {
      call.hears("Hello The Man")
          .hearsPrompt("What is your favorite number?")
          .press("42#")
          .hears("Your favorite number is 4.")
          .hangsUp();
    }
  }

  @Test
  void aCallerWhoPressesNothingHearsTheQuestionAndTheCallEnds() {
    try (PhoneCall call = phone().from("+8015552311").call("/twilio/inbound_call")) {
      call.hears("Hello Big Bird")
          .hearsPrompt("What is your favorite number?")
          .staysSilent()
          .hangsUp();
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

  @Test
  void notificationStatusTextsThePhoneThroughTwilioAndFollowsTheStatusCallbacks() {
    String message = "Your table is ready " + System.nanoTime();
    HttpResponse<String> raised =
        event(
            base,
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\","
                + "\"message\":\""
                + message
                + "\"}");
    assertEquals(200, raised.statusCode(), raised.body());
    String outbox = outboxIds(raised.body()).get(0);

    phone().from("+18015552311").receives(message, Duration.ofSeconds(20));
    SentText sent =
        TWILIO.texts().stream().filter(t -> t.body().equals(message)).findFirst().orElseThrow();
    assertEquals(ACCOUNT, sent.accountSid());
    assertEquals("+18005551212", sent.from());
    assertEquals(
        base.getPath() + "twilio/sms_status?outbox=" + outbox,
        URI.create(sent.statusCallback()).getRawPath()
            + "?"
            + URI.create(sent.statusCallback()).getRawQuery(),
        "the outbox asked Twilio to report to this server");

    // Twilio's three callbacks reached the server, signed, and the outbound log followed them
    List<Exchange> callbacks =
        eventually(
            10,
            "three status callbacks",
            () -> {
              List<Exchange> posted =
                  TWILIO.callbacks().stream()
                      .filter(c -> sent.sid().equals(c.params().get("MessageSid")))
                      .toList();
              return Optional.ofNullable(posted.size() == 3 ? posted : null);
            });
    assertEquals(
        List.of("queued 200", "sent 200", "delivered 200"),
        callbacks.stream().map(c -> c.params().get("MessageStatus") + " " + c.status()).toList());
    JsonObject logged =
        eventually(
            10,
            "the message delivered in the outbound log",
            () ->
                json(withToken(base, "messages?size=50").body())
                    .getJsonArray("messages")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(m -> m.getString("id").equals(outbox))
                    .filter(m -> "delivered".equals(m.getString("status", "")))
                    .findFirst());
    assertEquals(sent.sid(), logged.getString("sid"));
    assertEquals("sent", logged.getString("state"));
  }

  @Test
  void theConsoleAndTheFakeRestApiAreOffByDefault() {
    assertEquals(
        404,
        get(base, "fake-twilio/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json").statusCode());
    assertEquals(
        403, get(base, "console").statusCode(), "no console password: the login is closed");
  }
}
