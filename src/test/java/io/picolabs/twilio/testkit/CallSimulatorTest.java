package io.picolabs.twilio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testkit.ScriptedServer.Answer;
import io.picolabs.twilio.testkit.ScriptedServer.Seen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator follows TwiML as Twilio documents it, against a server of fixed answers. */
class CallSimulatorTest {
  private final ScriptedServer server = new ScriptedServer();
  private final TwilioPhone phone =
      TwilioPhone.at(server.base()).authToken(ScriptedServer.TOKEN).statusCallback(null);

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> requested() {
    return server.requested();
  }

  private Seen last() {
    return server.seen.get(server.seen.size() - 1);
  }

  @Test
  void signsEveryRequestAndSendsTheVoiceParameters() {
    server.twiml("/voice", "<Say>Hi</Say>");
    try (PhoneCall call = phone.from("+18015550100").call("/voice")) {
      call.hears("Hi").hangsUp();
    }
    Seen first = server.seen.get(0);
    assertTrue(first.signed(), "signed with the auth token");
    assertEquals(36, first.token().length(), "an idempotency token");
    assertEquals(
        List.of(
            "AccountSid",
            "ApiVersion",
            "CallSid",
            "Called",
            "Caller",
            "Direction",
            "From",
            "To",
            "CallStatus"),
        List.copyOf(first.params().keySet()));
    assertEquals("ringing", first.params().get("CallStatus"));
    assertEquals("+18015550100", first.params().get("From"));
    assertEquals(TwilioPhone.DEFAULT_NUMBER, first.params().get("To"));
    assertEquals("inbound", first.params().get("Direction"));
    assertTrue(first.params().get("CallSid").matches("CA[0-9a-f]{32}"));
  }

  @Test
  void withASharedKeyEveryRequestNamesTheKeyAndIsSignedWithIt() throws Exception {
    server
        .twiml("/voice", "<Gather action=\"picked\" numDigits=\"1\"><Say>Pick</Say></Gather>")
        .twiml("/picked", "<Say>Got it</Say>")
        .script("/sms", p -> new Answer(200, ScriptedServer.XML, "<Response/>"))
        .script("/status", p -> new Answer(204, "text/plain", ""));
    TwilioPhone keyed = phone.sharedKey("KS1", "k-secret").statusCallback("/status");
    try (PhoneCall call = keyed.from("+18015550100").call("/voice")) {
      call.hearsPrompt("Pick").press("4").hears("Got it").hangsUp();
    }
    keyed.from("+18015550100").text("/sms", "hi").noReply();
    TwilioPhone sha1 = phone.sharedKey("KS2", "other-secret", SharedKey.HMAC_SHA1);
    sha1.from("+18015550100").text("/sms", "again").noReply();

    assertEquals(
        List.of("POST /voice", "POST /picked", "POST /status", "POST /sms", "POST /sms"),
        requested());
    for (Seen seen : server.seen.subList(0, 4)) {
      assertEquals("key=KS1,algorithm=HMAC_SHA256", seen.settings(), seen.url());
      assertEquals(hmac("HmacSHA256", "k-secret", seen), seen.signature(), seen.url());
      assertFalse(seen.signed(), "not the auth token's signature");
    }
    Seen last = last();
    assertEquals("key=KS2,algorithm=HMAC_SHA1", last.settings());
    assertEquals(hmac("HmacSHA1", "other-secret", last), last.signature());
  }

  @Test
  void withTheAuthTokenNoKeyIsNamedAndUnsignedIsUnsigned() {
    server.script("/sms", p -> new Answer(200, ScriptedServer.XML, "<Response/>"));
    TwilioPhone keyed = phone.sharedKey("KS1", "k-secret");
    keyed.authToken(ScriptedServer.TOKEN).from("+1").text("/sms", "token").noReply();
    keyed.unsigned().from("+1").text("/sms", "none").noReply();
    Seen token = server.seen.get(0);
    assertTrue(token.signed());
    assertNull(token.settings());
    Seen unsigned = server.seen.get(1);
    assertNull(unsigned.signature());
    assertNull(unsigned.settings());
  }

  /** The signature of {@code seen} under {@code algorithm}, computed apart from the kit. */
  private static String hmac(String algorithm, String secret, Seen seen) throws Exception {
    StringBuilder text = new StringBuilder(seen.url());
    new TreeMap<>(seen.form())
        .forEach(
            (name, values) -> values.stream().sorted().forEach(v -> text.append(name).append(v)));
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aGatherPostsTheKeysToItsRelativeActionAndTheAnswerReplacesTheRest() {
    server
        .twiml(
            "/app/voice",
            "<Say>Hello</Say><Gather action=\"picked?x=1\" numDigits=\"2\">"
                + "<Say>Pick</Say><Play>https://example.com/a.mp3</Play></Gather>"
                + "<Say>Never heard</Say>")
        .script(
            "/app/picked",
            p ->
                new Answer(
                    200,
                    ScriptedServer.XML,
                    "<Response><Say>You picked " + p.get("Digits") + "</Say><Hangup/></Response>"));
    try (PhoneCall call = phone.from("+1").call("app/voice")) {
      call.hears("Hello").hears("Pick").hearsPlay("https://example.com/a.mp3").press("479");
      call.hears("You picked 47").hangsUp();
      assertEquals("completed", call.simulator().callStatus());
      assertEquals(4, call.simulator().seconds()); // three heard, one said back
    }
    assertEquals(List.of("POST /app/voice", "POST /app/picked?x=1"), requested());
    Seen picked = last();
    assertEquals("47", picked.params().get("Digits"));
    assertEquals("in-progress", picked.params().get("CallStatus"));
    assertEquals(server.seen.get(0).params().get("CallSid"), picked.params().get("CallSid"));
    assertTrue(picked.signed());
  }

  @Test
  void aPromptIsHeardInsideTheGatherThatListensAndFailsWhenSaidBeforeIt() {
    server.twiml(
        "/inside",
        "<Say>Hello</Say><Gather numDigits=\"1\"><Say>What is your favorite number?</Say>"
            + "<Play>https://example.com/menu.mp3</Play></Gather>");
    try (PhoneCall call = phone.from("+1").call("inside")) {
      call.hears("Hello")
          .hearsPrompt("What is your favorite number?")
          .hearsPromptPlay("https://example.com/menu.mp3");
      assertEquals(
          List.of(
              new Heard(Heard.Kind.SAY, "Hello", 0),
              new Heard(Heard.Kind.SAY, "What is your favorite number?", 0, "Gather"),
              new Heard(Heard.Kind.PLAY, "https://example.com/menu.mp3", 0, "Gather")),
          call.transcript());
    }

    server.twiml(
        "/before",
        "<Say>Hello</Say><Say>What is your favorite number?</Say><Gather numDigits=\"1\"/>");
    try (PhoneCall call = phone.from("+1").call("before")) {
      call.hears("Hello");
      AssertionError before =
          assertThrows(
              AssertionError.class, () -> call.hearsPrompt("What is your favorite number?"));
      assertEquals(
          "expected to hear \"What is your favorite number?\" inside the Gather that listens,"
              + " but it was said before the Gather, not inside it"
              + " (in step 1, which then waits at Gather {numDigits=1})\n"
              + "heard since the last check: [\"What is your favorite number?\"]\n"
              + "the call: waiting at Gather {numDigits=1}\n"
              + "TwiML of step 1 of 1, POST "
              + server.base()
              + "before -> 200 application/xml;charset=UTF-8\n"
              + "<Response><Say>Hello</Say><Say>What is your favorite number?</Say>"
              + "<Gather numDigits=\"1\"/></Response>",
          before.getMessage());
      // hears() still takes it wherever it was said
      call.hears("What is your favorite number?");
    }

    server.twiml("/after", "<Gather timeout=\"2\"/><Say>Still there?</Say>");
    try (PhoneCall call = phone.from("+1").call("after")) {
      call.staysSilent();
      AssertionError after =
          assertThrows(AssertionError.class, () -> call.hearsPrompt("Still there?"));
      assertTrue(
          after
              .getMessage()
              .startsWith(
                  "expected to hear \"Still there?\" inside the Gather that listens, but it was"
                      + " said outside any Gather (in step 1)\n"),
          after.getMessage());
    }
  }

  @Test
  void finishOnKeyEndsTheKeysAndGetActionsCarryThemInTheQuery() {
    server
        .twiml("/voice", "<Gather method=\"GET\" finishOnKey=\"*\"/>")
        .twiml("/voice2", "<Hangup/>");
    server.script(
        "/voice",
        p ->
            p.containsKey("Digits")
                ? new Answer(
                    200,
                    ScriptedServer.XML,
                    "<Response><Say>got " + p.get("Digits") + "</Say></Response>")
                : new Answer(
                    200,
                    ScriptedServer.XML,
                    "<Response><Gather method=\"GET\" finishOnKey=\"*\"/></Response>"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.press("12*9").hears("got 12").hangsUp();
    }
    Seen get = last();
    assertEquals("GET", get.method());
    assertTrue(get.url().contains("Digits=12"), get.url());
    assertTrue(get.signed(), "a GET is signed over its URL with the query");
  }

  @Test
  void silenceFallsThroughToTheNextVerbUnlessActionOnEmptyResult() {
    server.twiml(
        "/voice",
        "<Gather timeout=\"3\"><Say>Anything?</Say></Gather><Say>Nothing then</Say>"
            + "<Gather actionOnEmptyResult=\"true\" action=\"/empty\"/>");
    server.twiml("/empty", "<Say>Empty</Say>");
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.hears("Anything?").staysSilent().hears("Nothing then").staysSilent().hears("Empty");
      call.hangsUp();
      assertEquals(3 + 5 + 3, call.simulator().seconds());
    }
    assertEquals(List.of("POST /voice", "POST /empty"), requested());
    assertEquals(null, last().params().get("Digits"));
  }

  @Test
  void speechIsPostedWithItsConfidence() {
    server.twiml("/voice", "<Gather input=\"speech\" action=\"/heard\"/>");
    server.script(
        "/heard",
        p ->
            new Answer(
                200,
                ScriptedServer.XML,
                "<Response><Say>"
                    + p.get("SpeechResult")
                    + " "
                    + p.get("Confidence")
                    + "</Say></Response>"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      AssertionError keys = assertThrows(AssertionError.class, () -> call.press("1"));
      assertTrue(
          keys.getMessage().startsWith("expected a Gather that listens for keys to press 1"));
      call.says("Agent please").hears("Agent please 0.9");
    }
  }

  @Test
  void redirectsAreFollowedAndALoopStopsWithAClearError() {
    server.twiml("/a", "<Say>A</Say><Redirect method=\"GET\">b</Redirect><Say>never</Say>");
    server.twiml("/b", "<Say>B</Say>");
    try (PhoneCall call = phone.from("+1").call("a")) {
      call.hears("A").hears("B").hangsUp();
    }
    assertEquals(
        List.of("POST /a", "GET /b?" + Form.encode(Form.of(server.seen.get(1).params()))),
        requested());

    server.twiml("/loop", "<Redirect>/loop</Redirect>");
    IllegalStateException loop =
        assertThrows(IllegalStateException.class, () -> phone.stepLimit(5).from("+1").call("loop"));
    assertTrue(
        loop.getMessage()
            .startsWith(
                "the server made the call request 5 documents without waiting for the caller (a Redirect loop?)"),
        loop.getMessage());
  }

  @Test
  void dialOutcomesArePostedToTheActionOrTheCallGoesOn() {
    server.twiml(
        "/voice", "<Dial action=\"/dialed\" timeout=\"10\"><Number>+18015550111</Number></Dial>");
    server.script(
        "/dialed",
        p ->
            new Answer(
                200,
                ScriptedServer.XML,
                "<Response><Say>"
                    + p.get("DialCallStatus")
                    + " "
                    + p.get("DialCallDuration")
                    + "</Say></Response>"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.dials("+18015550111").answeredFor(42).hears("completed 42").hangsUp();
      assertEquals(43, call.simulator().seconds());
    }
    assertTrue(last().params().get("DialCallSid").matches("CA[0-9a-f]{32}"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.dials("+18015550111").busy().hears("busy null");
    }
    server.twiml("/plain", "<Dial>+18015550112</Dial><Say>After</Say>");
    try (PhoneCall call = phone.from("+1").call("plain")) {
      call.dials("+18015550112").noAnswer().hears("After").hangsUp();
    }
  }

  @Test
  void aRecordingIsPostedToTheDocumentByDefaultAndOnHangUp() {
    server.script(
        "/voice",
        p ->
            p.containsKey("RecordingUrl")
                ? new Answer(
                    200,
                    ScriptedServer.XML,
                    "<Response><Say>"
                        + p.get("RecordingDuration")
                        + " "
                        + p.get("Digits")
                        + "</Say></Response>")
                : new Answer(
                    200,
                    ScriptedServer.XML,
                    "<Response><Say>After the beep</Say><Record/></Response>"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.hears("After the beep").records(12, "#").hears("12 #").hangsUp();
    }
    Seen posted = last();
    assertTrue(
        posted
            .params()
            .get("RecordingUrl")
            .matches(
                "https://api.twilio.com/2010-04-01/Accounts/AC0{32}/Recordings/RE[0-9a-f]{32}"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.hears("After the beep").hangUp();
    }
    assertEquals("hangup", last().params().get("Digits"));
  }

  @Test
  void aQueuePlaysItsWaitUrlAndLeaveGoesToTheAction() {
    server.twiml("/voice", "<Enqueue waitUrl=\"/wait\" action=\"/left\">support</Enqueue>");
    server.twiml("/wait", "<Say>Please hold</Say><Leave/>");
    server.script(
        "/left",
        p ->
            new Answer(
                200,
                ScriptedServer.XML,
                "<Response><Say>" + p.get("QueueResult") + "</Say></Response>"));
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.isQueuedIn("support").hears("Please hold").hears("leave").hangsUp();
    }
    assertEquals(List.of("POST /voice", "POST /wait", "POST /left"), requested());
    assertEquals("1", server.seen.get(1).params().get("QueuePosition"));

    server.twiml("/wait", "<Say>Please hold</Say>");
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.isQueuedIn("support").hears("Please hold").bridgedFor(60).hears("bridged");
    }
  }

  @Test
  void messagesRejectsAndPlainTextAnswers() {
    server.twiml("/voice", "<Message>See you</Message><Hangup/>");
    try (PhoneCall call = phone.from("+18015550100").call("voice")) {
      call.receivesText("See you").hangsUp();
      assertEquals(
          List.of(new Text(TwilioPhone.DEFAULT_NUMBER, "+18015550100", "See you", List.of())),
          call.simulator().texts());
    }
    server.twiml("/busy", "<Reject reason=\"busy\"/>");
    try (PhoneCall call = phone.from("+1").call("busy")) {
      call.isRejected("busy");
      assertEquals(0, call.simulator().seconds());
    }
    server.twiml("/late", "<Say>Hi</Say><Reject/>");
    try (PhoneCall call = phone.from("+1").call("late")) {
      call.hears("Hi");
      assertEquals("completed", call.simulator().callStatus(), "answered before the Reject");
    }
    server.twiml("/first", "<Reject/>");
    try (PhoneCall call = phone.from("+1").call("first")) {
      call.isRejected("no-answer");
    }
    server.script("/plain", p -> new Answer(200, "text/plain;charset=UTF-8", "Plain words"));
    try (PhoneCall call = phone.from("+1").call("plain")) {
      call.hears("Plain words").hangsUp();
    }
  }

  @Test
  void anAnswerTwilioCannotFollowEndsTheCallWithItsApology() {
    server.script("/broken", p -> new Answer(500, "text/html", "<html>Internal error</html>"));
    try (PhoneCall call = phone.from("+1").call("broken")) {
      call.hears("We are sorry, an application error has occurred. Goodbye.");
      assertEquals(
          new Heard(Heard.Kind.ERROR, "11200 HTTP retrieval failure: the server answered 500", 0),
          call.transcript().get(0));
    }
    server.script("/json", p -> new Answer(200, "application/json", "{}"));
    try (PhoneCall call = phone.from("+1").call("json")) {
      assertEquals(
          "12300 invalid Content-Type: 'application/json'", call.transcript().get(0).text());
    }
    server.script(
        "/bad", p -> new Answer(200, ScriptedServer.XML, "<Response><Say>a & b</Say></Response>"));
    try (PhoneCall call = phone.from("+1").call("bad")) {
      assertTrue(call.transcript().get(0).text().startsWith("12100 document parse failure"));
    }
  }

  @Test
  void aFailedExpectationSaysWhatWasHeardWithTheTwimlOfTheStep() {
    server.twiml("/voice", "<Say>Hello Monkey</Say><Gather numDigits=\"1\"/>");
    try (PhoneCall call = phone.from("+1").call("voice")) {
      AssertionError wrong = assertThrows(AssertionError.class, () -> call.hears("Hello Big Bird"));
      String url = server.base() + "voice";
      assertEquals(
          "expected to hear \"Hello Big Bird\" but heard \"Hello Monkey\"\n"
              + "heard since the last check: [\"Hello Monkey\"]\n"
              + "the call: waiting at Gather {numDigits=1}\n"
              + "TwiML of step 1 of 1, POST "
              + url
              + " -> 200 application/xml;charset=UTF-8\n"
              + "<Response><Say>Hello Monkey</Say><Gather numDigits=\"1\"/></Response>",
          wrong.getMessage());
      AssertionError ended = assertThrows(AssertionError.class, call::hangsUp);
      assertTrue(ended.getMessage().startsWith("expected the server to end the call\n"));
    }
  }

  @Test
  void hangsUpFailsNamingWhatWasSaidOrPlayedButNeverHeard() {
    server.twiml(
        "/voice",
        "<Say>Hello</Say><Play>https://example.com/jingle.mp3</Play><Pause/><Say>Goodbye</Say>"
            + "<Hangup/>");
    try (PhoneCall call = phone.from("+1").call("voice")) {
      call.hears("Hello");
      AssertionError unheard = assertThrows(AssertionError.class, call::hangsUp);
      assertEquals(
          "the server ended the call, but the test did not hear"
              + " [(play https://example.com/jingle.mp3), \"Goodbye\"]"
              + " (expect it with hears, hearsPrompt or hearsPlay before hangsUp)\n"
              + "heard since the last check:"
              + " [(play https://example.com/jingle.mp3), (pause 1 s), \"Goodbye\"]\n"
              + "the call: ended (Hangup, completed)\n"
              + "TwiML of step 1 of 1, POST "
              + server.base()
              + "voice -> 200 application/xml;charset=UTF-8\n"
              + "<Response><Say>Hello</Say><Play>https://example.com/jingle.mp3</Play><Pause/>"
              + "<Say>Goodbye</Say><Hangup/></Response>",
          unheard.getMessage());
      call.hearsPlay("https://example.com/jingle.mp3").hears("Goodbye").hangsUp();
    }

    // passed over by an expectation of another kind is not heard either
    server.twiml("/skip", "<Say>Listen</Say><Play>https://example.com/a.mp3</Play>");
    try (PhoneCall call = phone.from("+1").call("skip")) {
      call.hearsPlay("https://example.com/a.mp3");
      AssertionError skipped = assertThrows(AssertionError.class, call::hangsUp);
      assertTrue(
          skipped
              .getMessage()
              .startsWith("the server ended the call, but the test did not hear [\"Listen\"]"),
          skipped.getMessage());
    }
  }

  @Test
  void theStatusCallbackSaysHowTheCallEndedAndItsDuration() {
    server.twiml("/voice", "<Say>Bye</Say><Pause length=\"4\"/><Hangup/>");
    server.script("/status", p -> new Answer(204, "text/plain", ""));
    try (PhoneCall call = phone.statusCallback("/status").from("+1").call("voice")) {
      call.hears("Bye").hangsUp();
    }
    Seen status = last();
    assertEquals("POST", status.method());
    assertTrue(status.signed());
    assertEquals("completed", status.params().get("CallStatus"));
    assertEquals("5", status.params().get("CallDuration"));
    assertEquals("1", status.params().get("Duration"));

    server.script("/status", p -> new Answer(403, "text/plain", "no"));
    PhoneCall refused = phone.statusCallback("/status").from("+1").call("voice");
    AssertionError error = assertThrows(AssertionError.class, refused::close);
    assertTrue(error.getMessage().startsWith("the server refused the call's status callback"));
  }

  @Test
  void aTextIsAnsweredByItsMessagesAndRedirects() {
    server.script(
        "/sms",
        p ->
            new Answer(
                200,
                ScriptedServer.XML,
                "<Response><Message>Hi "
                    + p.get("Body")
                    + "</Message>"
                    + "<Message to=\"+18015550199\"><Body>Forward</Body><Media>https://e.com/p.jpg</Media></Message>"
                    + "<Redirect>/sms2</Redirect></Response>"));
    server.twiml("/sms2", "<Message>Second</Message>");
    TextReply reply = phone.from("+18015550100").text("sms", "there", "https://e.com/x.png");
    reply.repliesWith("Hi there", "Second");
    assertEquals(
        new Text(
            TwilioPhone.DEFAULT_NUMBER, "+18015550199", "Forward", List.of("https://e.com/p.jpg")),
        reply.texts().get(1));
    Map<String, String> sent = server.seen.get(0).params();
    assertEquals("1", sent.get("NumMedia"));
    assertEquals("https://e.com/x.png", sent.get("MediaUrl0"));
    assertTrue(sent.get("MessageSid").matches("MM[0-9a-f]{32}"));
    AssertionError wrong = assertThrows(AssertionError.class, () -> reply.repliesWith("Hi"));
    assertTrue(
        wrong
            .getMessage()
            .startsWith("expected the replies [\"Hi\"] but got [\"Hi there\", \"Second\"]\nPOST "));
    server.twiml("/quiet", "");
    phone.from("+1").text("quiet", "x").noReply();
  }

  @Test
  void aCallTheServerPlacesThroughTheFakeRingsThePhoneAndReportsItsEnd() throws Exception {
    server.twiml("/outbound", "<Say>This is your reminder</Say>");
    server.script("/call-status", p -> new Answer(200, ScriptedServer.XML, "<Response/>"));
    try (FakeTwilio twilio = FakeTwilio.start(ScriptedServer.TOKEN)) {
      String form =
          Form.encode(
              Form.of(
                  Map.of(
                      "To",
                      "+18015550100",
                      "From",
                      "+18005551212",
                      "Url",
                      server.base() + "outbound",
                      "StatusCallback",
                      server.base() + "call-status")));
      HttpResponse<String> placed =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              twilio.url()
                                  + "/2010-04-01/Accounts/"
                                  + TwilioPhone.DEFAULT_ACCOUNT_SID
                                  + "/Calls.json"))
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      (TwilioPhone.DEFAULT_ACCOUNT_SID + ":" + ScriptedServer.TOKEN)
                                          .getBytes(StandardCharsets.UTF_8)))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(201, placed.statusCode(), placed.body());
      String sid = twilio.calls().get(0).sid();
      try (PhoneCall call =
          phone.api(twilio).from("+18015550100").answersCall(Duration.ofSeconds(5))) {
        call.hears("This is your reminder").hangsUp();
      }
      Seen fetched = server.seen.get(0);
      assertEquals(sid, fetched.params().get("CallSid"));
      assertEquals("outbound-api", fetched.params().get("Direction"));
      assertEquals("+18005551212", fetched.params().get("From"));
      assertEquals("+18015550100", fetched.params().get("To"));
      Seen status = last();
      assertEquals("POST /call-status", requested().get(1));
      assertEquals(sid, status.params().get("CallSid"));
      assertEquals("completed", status.params().get("CallStatus"));
      assertTrue(status.signed());
    }
  }
}
