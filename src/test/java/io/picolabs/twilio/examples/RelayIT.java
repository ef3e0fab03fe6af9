package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.picolabs.twilio.testing.RelayClient;
import io.picolabs.twilio.testing.TwilioRequests;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.PhoneCall;
import io.picolabs.twilio.testkit.TwilioPhone;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.LinkedHashMap;
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
 * ConversationRelay sessions over a real WebSocket: the upgrade signed or refused, Hello Monkey by
 * voice from the TwiML to the hand-off, the messages of a session as events, rules that fail.
 */
@ExtendWith(ArquillianExtension.class)
class RelayIT {
  private static final String CALLER = "+18015550177";

  @Deployment(testable = false)
  static WebArchive application() {
    return Wars.project("voice.war")
        .addClass(RelayProbeRules.class)
        .addAsResource(new StringAsset(tokens()), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private String setup(String callSid) {
    return "{\"type\":\"setup\",\"sessionId\":\"VX00000000000000000000000000000001\","
        + "\"accountSid\":\"AC00000000000000000000000000000000\",\"parentCallSid\":\"\","
        + "\"callSid\":\""
        + callSid
        + "\",\"from\":\""
        + CALLER
        + "\",\"to\":\"+18005550100\",\"forwardedFrom\":\"\",\"callType\":\"PSTN\","
        + "\"callerName\":\"\",\"direction\":\"inbound\",\"callStatus\":\"RINGING\","
        + "\"customParameters\":{\"tier\":\"gold\"}}";
  }

  private static String prompt(String said) {
    return "{\"type\":\"prompt\",\"voicePrompt\":\""
        + said
        + "\",\"lang\":\"en-US\",\"last\":true}";
  }

  @Test
  void theMonkeyAnswersTheCallWithAConversationRelayOfThisServer() {
    HttpResponse<String> answer = postForm(base, "twilio/monkey_voice", inboundCall(CALLER));
    assertEquals(
        XML
            + "<Response><Connect action=\"/voice/twilio/monkey_goodbye\"><ConversationRelay url=\""
            + RelayClient.url(base, "monkey")
            + "\" welcomeGreeting=\"Hello! What is your favorite number?\"/></Connect></Response>",
        answer.body());
    assertEquals(
        XML + "<Response><Say>Goodbye!</Say><Hangup/></Response>",
        postForm(base, "twilio/monkey_goodbye", goodbye()).body());
  }

  private static Map<String, String> goodbye() {
    Map<String, String> params = new LinkedHashMap<>(inboundCall(CALLER));
    params.put("SessionId", "VX00000000000000000000000000000001");
    params.put("SessionStatus", "ended");
    params.put("SessionDuration", "12");
    params.put("HandoffData", "{\"favorite\":\"7\"}");
    return params;
  }

  @Test
  void aNumberSaidIsKeptSaidBackAndEndsTheSession() throws Exception {
    try (RelayClient twilio = RelayClient.signed(base, "monkey")) {
      twilio.send(setup("CA00000000000000000000000000000077"));
      twilio.send(prompt("Hmm, let me think"));
      assertEquals(
          "{\"type\":\"text\",\"token\":\"Sorry, I did not catch a number. What is your favorite"
              + " number?\",\"last\":true}",
          twilio.next());
      twilio.send(prompt("I think seven"));
      assertEquals(
          "{\"type\":\"text\",\"token\":\"Your favorite number is 7.\",\"last\":true}",
          twilio.next());
      assertEquals(
          "{\"type\":\"end\",\"handoffData\":\"{\\\"favorite\\\":\\\"7\\\"}\"}", twilio.next());
      assertNull(twilio.nextWithin(300), "nothing after end");
    }
    assertEquals("200 {\"favorite\":\"7\"}", entityVars(base, CALLER));
  }

  @Test
  void eachMessageIsAnEventWithTheSetupsFieldsAndRulesThatFailSendNothing() throws Exception {
    try (RelayClient twilio = RelayClient.signed(base, "probe")) {
      twilio.send(setup("CA00000000000000000000000000000078"));
      twilio.send("this is not JSON");
      twilio.send("{\"no\":\"type\"}");
      twilio.send("{\"type\":\"dtmf\",\"digit\":\"5\"}");
      assertEquals("{\"type\":\"sendDigits\",\"digits\":\"5w#\"}", twilio.next());
      assertEquals("{\"type\":\"language\",\"ttsLanguage\":\"fr-FR\"}", twilio.next());
      assertEquals(
          "{\"type\":\"text\",\"token\":\"Caller "
              + CALLER
              + " on CA00000000000000000000000000000078, gold\",\"last\":true}",
          twilio.next());
      twilio.send(prompt("hello"));
      assertEquals(
          "{\"type\":\"text\",\"token\":\"You said \",\"last\":false,\"interruptible\":false}",
          twilio.next());
      assertEquals(
          "{\"type\":\"text\",\"token\":\"hello\",\"last\":true,\"lang\":\"en-US\"}",
          twilio.next());
      assertEquals(
          "{\"type\":\"play\",\"source\":\"https://example.com/hold.mp3\",\"loop\":2,"
              + "\"preemptible\":true}",
          twilio.next());
      assertNull(twilio.nextWithin(300), "nothing of the failed rules");
    }
  }

  @Test
  void relayActionsInAWebhooksRuleFailThatRuleOnly() {
    assertEquals(
        XML + "<Response><Say>the webhook's answer</Say></Response>",
        postForm(base, "twilio/probe_webhook", inboundCall(CALLER)).body());
  }

  @Test
  void anUpgradeNotSignedByTwilioGetsNoSocket() {
    URI url = RelayClient.url(base, "monkey");
    for (String signature :
        new String[] {
          null,
          TwilioRequests.signature(URI.create(url + "?other=1"), Map.of()),
          TwilioRequests.signature(url, Map.of("From", CALLER))
        }) {
      CompletionException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              CompletionException.class, () -> RelayClient.connect(url, signature).join());
      WebSocketHandshakeException handshake =
          assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
      assertEquals(403, handshake.getResponse().statusCode(), String.valueOf(signature));
    }
  }

  @Test
  void aStreamedReplyGoesOutAsItIsMadeAndWhatFollowsItAfter() {
    try (RelayClient twilio = RelayClient.signed(base, "story")) {
      twilio.send(setup("CA00000000000000000000000000000079"));
      twilio.send(prompt("3 words please"));
      assertEquals("{\"type\":\"text\",\"token\":\"word1 \",\"last\":false}", twilio.next());
      assertEquals("{\"type\":\"text\",\"token\":\"word2 \",\"last\":false}", twilio.next());
      assertEquals("{\"type\":\"text\",\"token\":\"word3.\",\"last\":true}", twilio.next());
      assertEquals(
          "{\"type\":\"text\",\"token\":\"That was the story.\",\"last\":true}", twilio.next());
    }
  }

  @Test
  void anInterruptCancelsTheStreamedReply() throws Exception {
    try (RelayClient twilio = RelayClient.signed(base, "story")) {
      twilio.send(setup("CA00000000000000000000000000000080"));
      twilio.send(prompt("50 words please"));
      assertEquals("{\"type\":\"text\",\"token\":\"word1 \",\"last\":false}", twilio.next());
      assertEquals("{\"type\":\"text\",\"token\":\"word2 \",\"last\":false}", twilio.next());
      twilio.send(
          "{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"word1 word2\","
              + "\"durationUntilInterruptMs\":\"460\"}");
      // at most the token on its way when the interrupt came, then the interrupt's own answer
      String next = twilio.next();
      if (next.contains("word3")) {
        next = twilio.next();
      }
      assertEquals("{\"type\":\"text\",\"token\":\"Sorry, go ahead.\",\"last\":true}", next);
      assertNull(twilio.nextWithin(500), "nothing more of the story, nor what followed it");
    }
  }

  @Test
  void theKitsCallerCutsAStreamedReplyInAndHearsItWhole() {
    try (PhoneCall call =
        TwilioPhone.at(base)
            .authToken(TwilioRequests.AUTH_TOKEN)
            .from("+18015550181")
            .call("/twilio/story_call")) {
      call.saysAndCutsIn("10 words please", 2)
          .hearsText("word1 word2")
          .hearsText("Sorry, go ahead.")
          .says("3 words please")
          .hearsText("word1 word2 word3.")
          .hearsText("That was the story.");
      call.hangUp();
    }
  }
}
