package io.picolabs.twilio.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.rules.Twilio;
import io.picolabs.twilio.twiml.CallProgress;
import io.picolabs.twilio.twiml.Conference;
import io.picolabs.twilio.twiml.Dial;
import io.picolabs.twilio.twiml.Gather;
import io.picolabs.twilio.twiml.Languages;
import io.picolabs.twilio.twiml.Message;
import io.picolabs.twilio.twiml.RecordingEvent;
import io.picolabs.twilio.twiml.Reject;
import io.picolabs.twilio.twiml.Say;
import io.picolabs.twilio.twiml.SsmlBreak;
import io.picolabs.twilio.twiml.SsmlEmphasis;
import io.picolabs.twilio.twiml.Stream;
import io.picolabs.twilio.twiml.Task;
import io.picolabs.twilio.twiml.Trim;
import io.picolabs.twilio.twiml.TwimlWriter;
import io.picolabs.twilio.twiml.Voices;
import org.junit.jupiter.api.Test;

/** Exact TwiML for each action of the seed's table and each of its modifiers. */
class TwilioTest {
  private final Directives directives = new Directives();
  private final Twilio twilio =
      new TwilioActions(directives, new Outbox(null, null, null, null, null), new ActionUrls(""));

  private String twiml() {
    return TwimlWriter.write(directives.response());
  }

  private void assertTwiml(String expectedBody) {
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + expectedBody + "</Response>",
        twiml());
  }

  @Test
  void say() {
    twilio.say("Hello Monkey");
    twilio.say("Hola").voice("woman").language("es-MX").loop(2);
    assertTwiml(
        "<Say>Hello Monkey</Say><Say voice=\"woman\" language=\"es-MX\" loop=\"2\">Hola</Say>");
  }

  @Test
  void play() {
    twilio.play("https://example.com/monkey.mp3").loop(0);
    twilio.play("").digits("wwww3");
    assertTwiml(
        "<Play loop=\"0\">https://example.com/monkey.mp3</Play><Play digits=\"wwww3\"></Play>");
  }

  @Test
  void gatherToAnEventTypeNestsTheVerbsBetweenStartAndStop() {
    twilio.gatherStart("monkey_handle").numDigits(1).timeout(10).finishOnKey("*").method("get");
    twilio.say("What is your favorite number?");
    twilio.play("https://example.com/beep.mp3");
    twilio.pause(2);
    twilio.gatherStop();
    twilio.say("We did not hear you.");
    assertTwiml(
        "<Gather action=\"/twilio/monkey_handle\" method=\"GET\" timeout=\"10\" finishOnKey=\"*\""
            + " numDigits=\"1\"><Say>What is your favorite number?</Say>"
            + "<Play>https://example.com/beep.mp3</Play><Pause length=\"2\"/></Gather>"
            + "<Say>We did not hear you.</Say>");
  }

  @Test
  void gatherWithoutTargetPostsToTheCurrentDocument() {
    twilio
        .gatherStart()
        .input(Gather.Input.DTMF, Gather.Input.SPEECH)
        .speechTimeoutAuto()
        .hints("yes, no")
        .language("en-GB")
        .profanityFilter(false)
        .bargeIn(false)
        .actionOnEmptyResult(true)
        .partialResultCallback("/partial")
        .partialResultCallbackMethod("POST");
    twilio.gatherStop();
    assertTwiml(
        "<Gather input=\"dtmf speech\" speechTimeout=\"auto\" hints=\"yes, no\" language=\"en-GB\""
            + " profanityFilter=\"false\" bargeIn=\"false\" actionOnEmptyResult=\"true\""
            + " partialResultCallback=\"/partial\" partialResultCallbackMethod=\"POST\"/>");
  }

  @Test
  void gatherTargetsThatAreUrlsStayAsGiven() {
    twilio.gatherStart("https://example.com/next?b=2&a=1");
    twilio.gatherStop();
    twilio.gatherStart("/other/path");
    twilio.gatherStop();
    assertTwiml(
        "<Gather action=\"https://example.com/next?a=1&amp;b=2\"/><Gather action=\"/other/path\"/>");
  }

  @Test
  void actionUrlsFollowTheContextPath() {
    Directives inApp = new Directives();
    new TwilioActions(inApp, new Outbox(null, null, null, null, null), new ActionUrls("/app"))
        .redirect("voicemail");
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Redirect>/app/twilio/voicemail</Redirect></Response>",
        TwimlWriter.write(inApp.response()));
  }

  @Test
  void scopedGatherClosesItself() {
    twilio.gather("monkey_handle", () -> twilio.say("Pick one")).numDigits(1);
    twilio.hangup();
    assertTwiml(
        "<Gather action=\"/twilio/monkey_handle\" numDigits=\"1\"><Say>Pick one</Say></Gather><Hangup/>");
  }

  @Test
  void record() {
    twilio.record();
    twilio
        .record("recorded")
        .method("POST")
        .timeout(3)
        .finishOnKey("#")
        .maxLength(30)
        .playBeep(false)
        .trim(Trim.DO_NOT_TRIM)
        .transcribe(true)
        .transcribeCallback("/transcribed")
        .recordingStatusCallback("/status")
        .recordingStatusCallbackMethod("GET")
        .recordingStatusCallbackEvent(RecordingEvent.IN_PROGRESS, RecordingEvent.COMPLETED);
    assertTwiml(
        "<Record/><Record action=\"/twilio/recorded\" method=\"POST\" timeout=\"3\" finishOnKey=\"#\""
            + " maxLength=\"30\" playBeep=\"false\" trim=\"do-not-trim\" transcribe=\"true\""
            + " transcribeCallback=\"/transcribed\" recordingStatusCallback=\"/status\""
            + " recordingStatusCallbackMethod=\"GET\""
            + " recordingStatusCallbackEvent=\"in-progress completed\"/>");
  }

  @Test
  void sms() {
    twilio
        .sms("Thanks for calling")
        .to("+15005550006")
        .from("+15005550001")
        .action("/sent")
        .method("GET")
        .statusCallback("https://example.com/status");
    assertTwiml(
        "<Sms to=\"+15005550006\" from=\"+15005550001\" action=\"/sent\" method=\"GET\""
            + " statusCallback=\"https://example.com/status\">Thanks for calling</Sms>");
  }

  @Test
  void dialANumber() {
    twilio
        .dial("+18015552311")
        .callerId("+18005551212")
        .timeout(20)
        .timeLimit(600)
        .hangupOnStar(true)
        .record(Dial.Recording.RECORD_FROM_ANSWER)
        .trim(Trim.TRIM_SILENCE)
        .answerOnBridge(true)
        .ringTone("us")
        .action("/dialed")
        .method("POST")
        .recordingStatusCallback("/rec")
        .recordingStatusCallbackMethod("GET")
        .recordingStatusCallbackEvent(RecordingEvent.COMPLETED);
    assertTwiml(
        "<Dial action=\"/dialed\" method=\"POST\" timeout=\"20\" hangupOnStar=\"true\""
            + " timeLimit=\"600\" callerId=\"+18005551212\" record=\"record-from-answer\""
            + " trim=\"trim-silence\" answerOnBridge=\"true\" ringTone=\"us\""
            + " recordingStatusCallback=\"/rec\" recordingStatusCallbackMethod=\"GET\""
            + " recordingStatusCallbackEvent=\"completed\">+18015552311</Dial>");
  }

  @Test
  void dialConference() {
    twilio
        .dialConference("Monkeys & Co")
        .muted(true)
        .beep(Conference.Beep.ON_ENTER)
        .startConferenceOnEnter(false)
        .endConferenceOnExit(true)
        .waitUrl("/hold")
        .waitMethod("GET")
        .maxParticipants(10)
        .record(Conference.Recording.RECORD_FROM_START)
        .trim(Trim.DO_NOT_TRIM)
        .statusCallback("/conf")
        .statusCallbackEvent(Conference.Event.START, Conference.Event.END)
        .statusCallbackMethod("POST");
    assertTwiml(
        "<Dial><Conference muted=\"true\" beep=\"onEnter\" startConferenceOnEnter=\"false\""
            + " endConferenceOnExit=\"true\" waitUrl=\"/hold\" waitMethod=\"GET\""
            + " maxParticipants=\"10\" record=\"record-from-start\" trim=\"do-not-trim\""
            + " statusCallback=\"/conf\" statusCallbackEvent=\"start end\""
            + " statusCallbackMethod=\"POST\">Monkeys &amp; Co</Conference></Dial>");
  }

  @Test
  void dialStartNumbersDialStop() {
    twilio.dialStart().callerId("+18005551212");
    twilio
        .number("+18015552311")
        .sendDigits("ww12")
        .url("/whisper")
        .method("GET")
        .statusCallback("/leg")
        .statusCallbackEvent(CallProgress.INITIATED, CallProgress.ANSWERED)
        .statusCallbackMethod("POST");
    twilio.number("+18029875634");
    twilio.dialConference("overflow");
    twilio.dialStop();
    twilio.hangup();
    assertTwiml(
        "<Dial callerId=\"+18005551212\"><Number sendDigits=\"ww12\" url=\"/whisper\" method=\"GET\""
            + " statusCallback=\"/leg\" statusCallbackEvent=\"initiated answered\""
            + " statusCallbackMethod=\"POST\">+18015552311</Number><Number>+18029875634</Number>"
            + "<Conference>overflow</Conference></Dial><Hangup/>");
  }

  @Test
  void dialClientsQueuesAndSipAloneOrTogether() {
    twilio
        .dialClient("alice")
        .parameter("ticket", "42 & up")
        .statusCallbackEvent(CallProgress.RINGING);
    twilio.dialQueue("support").url("/about-to-connect").reservationSid("WR1");
    twilio.dialSip("sip:bob@example.com").username("bob").password("secret");
    twilio.dialStart().sequential(true);
    twilio.dialClient("carol");
    twilio.number("+18015552311");
    twilio.dialStop();
    assertTwiml(
        "<Dial><Client statusCallbackEvent=\"ringing\"><Identity>alice</Identity>"
            + "<Parameter name=\"ticket\" value=\"42 &amp; up\"/></Client></Dial>"
            + "<Dial><Queue url=\"/about-to-connect\" reservationSid=\"WR1\">support</Queue></Dial>"
            + "<Dial><Sip username=\"bob\" password=\"secret\">sip:bob@example.com</Sip></Dial>"
            + "<Dial sequential=\"true\"><Client>carol</Client><Number>+18015552311</Number></Dial>");
  }

  @Test
  void queuesAndTasks() {
    twilio
        .enqueue("support")
        .waitUrl("/hold")
        .waitUrlMethod("GET")
        .action("/left")
        .maxQueueSize(50);
    twilio.enqueueTask("WW1", new Task("{\"lang\":\"es\"}").priority(5).timeout(200));
    twilio.leave();
    assertTwiml(
        "<Enqueue action=\"/left\" waitUrl=\"/hold\" waitUrlMethod=\"GET\" maxQueueSize=\"50\">support</Enqueue>"
            + "<Enqueue workflowSid=\"WW1\"><Task priority=\"5\" timeout=\"200\">{\"lang\":\"es\"}</Task></Enqueue>"
            + "<Leave/>");
  }

  @Test
  void streams() {
    twilio
        .startStream("wss://example.com/fork")
        .name("fork")
        .track(Stream.Track.BOTH_TRACKS)
        .statusCallback("/stream-status")
        .statusCallbackMethod("GET");
    twilio.stopStream("fork");
    twilio.connectStream("wss://example.com/agent").parameter("caller", "+911");
    assertTwiml(
        "<Start><Stream url=\"wss://example.com/fork\" name=\"fork\" track=\"both_tracks\""
            + " statusCallback=\"/stream-status\" statusCallbackMethod=\"GET\"/></Start>"
            + "<Stop><Stream name=\"fork\"/></Stop>"
            + "<Connect><Stream url=\"wss://example.com/agent\"><Parameter name=\"caller\" value=\"+911\"/></Stream></Connect>");
  }

  @Test
  void aRelayOfThisServerIsItsWebSocketUrlAndTheActionAnEventType() {
    Twilio behindTls =
        new TwilioActions(
            directives,
            new Outbox(null, null, null, null, null),
            new ActionUrls("/app", () -> "https://voice.example.com"));
    behindTls
        .connectRelay("monkey", "monkey_bye")
        .welcomeGreeting("Hello! What is your favorite number?")
        .dtmfDetection(true);
    behindTls.connectRelay("wss://agents.example.com/relay?x=1", null);
    assertTwiml(
        "<Connect action=\"/app/twilio/monkey_bye\"><ConversationRelay"
            + " url=\"wss://voice.example.com/app/twilio/relay/monkey\" dtmfDetection=\"true\""
            + " welcomeGreeting=\"Hello! What is your favorite number?\"/></Connect>"
            + "<Connect><ConversationRelay url=\"wss://agents.example.com/relay?x=1\"/></Connect>");
    Directives another = new Directives();
    new TwilioActions(
            another,
            new Outbox(null, null, null, null, null),
            new ActionUrls("", () -> "http://localhost:9080"))
        .connectRelay("echo", null);
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><ConversationRelay"
            + " url=\"ws://localhost:9080/twilio/relay/echo\"/></Connect></Response>",
        TwimlWriter.write(another.response()));
    assertThrows(NullPointerException.class, () -> twilio.connectRelay(null, "x"));
  }

  @Test
  void sayWithSsml() {
    Say say = twilio.say("Your code is ").voice(Voices.POLLY_JOANNA).language(Languages.EN_US);
    say.sayAs("1234").interpretAs("digits");
    say.ssmlBreak().strength(SsmlBreak.Strength.STRONG).time("500ms");
    say.emphasis("really").level(SsmlEmphasis.Level.STRONG);
    say.text(" important");
    say.prosody("slowly").rate("x-slow").pitch("low").volume("loud");
    say.p("A paragraph.");
    say.s("A sentence.");
    assertTwiml(
        "<Say voice=\"Polly.Joanna\" language=\"en-US\">Your code is <say-as interpret-as=\"digits\">1234</say-as>"
            + "<break strength=\"strong\" time=\"500ms\"/><emphasis level=\"strong\">really</emphasis> important"
            + "<prosody volume=\"loud\" rate=\"x-slow\" pitch=\"low\">slowly</prosody><p>A paragraph.</p>"
            + "<s>A sentence.</s></Say>");
  }

  @Test
  void anyElementTakesAnAttributeTwilioAddsTomorrow() {
    twilio.say("hi").attribute("futureOption", "a<b").attribute("voice2", "x");
    assertThrows(IllegalArgumentException.class, () -> new Say("x").attribute("bad name", "v"));
    assertThrows(IllegalArgumentException.class, () -> new Say("x").attribute(null, "v"));
    assertTwiml("<Say futureOption=\"a&lt;b\" voice2=\"x\">hi</Say>");
  }

  @Test
  void rejectMustComeFirst() {
    twilio.reject().reason(Reject.Reason.REJECTED);
    assertTwiml("<Reject reason=\"rejected\"/>");
    Directives other = new Directives();
    Twilio late =
        new TwilioActions(other, new Outbox(null, null, null, null, null), new ActionUrls(""));
    late.say("Hello");
    IllegalStateException error = assertThrows(IllegalStateException.class, late::reject);
    assertEquals(
        "<Reject> must be the first verb: once another verb is given the call is answered",
        error.getMessage());
  }

  @Test
  void hangupRedirectRejectPause() {
    twilio.pause();
    twilio.pause(5);
    twilio.redirect("monkey_handle").method("GET");
    twilio.redirect("https://example.com/next.xml");
    twilio.hangup();
    assertTwiml(
        "<Pause/><Pause length=\"5\"/><Redirect method=\"GET\">/twilio/monkey_handle</Redirect>"
            + "<Redirect>https://example.com/next.xml</Redirect><Hangup/>");
  }

  @Test
  void messageWithTextAloneOrWithMedia() {
    twilio
        .message("Thanks & bye")
        .to("+18015552311")
        .from("+18005551212")
        .action("/sent")
        .method("POST")
        .statusCallback("/status");
    Message withMedia = twilio.message("Look <here>").media("https://example.com/a.png");
    withMedia.media("https://example.com/b.png?x=1&y=2");
    assertTwiml(
        "<Message to=\"+18015552311\" from=\"+18005551212\" action=\"/sent\" method=\"POST\""
            + " statusCallback=\"/status\">Thanks &amp; bye</Message>"
            + "<Message><Body>Look &lt;here&gt;</Body><Media>https://example.com/a.png</Media>"
            + "<Media>https://example.com/b.png?x=1&amp;y=2</Media></Message>");
    for (int i = 2; i < Message.MAX_MEDIA; i++) {
      withMedia.media("https://example.com/" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> withMedia.media("https://example.com/11"));
  }

  @Test
  void rawVerbsAndWholeResponses() {
    twilio.say("before");
    twilio.raw("<Enqueue waitUrl=\"/wait\">support</Enqueue><Leave/>");
    twilio.raw(
        "<?xml version=\"1.0\"?>\n<Response>\n  <Say voice=\"alice\">a &amp; b</Say>\n</Response>");
    assertTwiml(
        "<Say>before</Say><Enqueue waitUrl=\"/wait\">support</Enqueue><Leave/>"
            + "<Say voice=\"alice\">a &amp; b</Say>");
  }

  @Test
  void rawInsideGatherJoinsTheGather() {
    twilio.gatherStart("menu");
    twilio.raw("<Say>Press 1</Say>");
    twilio.gatherStop();
    assertTwiml("<Gather action=\"/twilio/menu\"><Say>Press 1</Say></Gather>");
  }

  @Test
  void rawMustBeWellFormed() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> twilio.raw("<Say>unclosed"));
    assertTrue(
        error.getMessage().startsWith("raw TwiML is not well-formed XML"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> twilio.raw("just words"));
    assertThrows(IllegalArgumentException.class, () -> twilio.raw(""));
    assertThrows(
        IllegalArgumentException.class,
        () -> twilio.raw("<!DOCTYPE x [<!ENTITY e \"boom\">]><Say>&e;</Say>"));
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", twiml());
  }

  @Test
  void unbalancedGatherIsClosedAtTheEnd() {
    twilio.gatherStart("monkey_handle");
    twilio.say("Still open");
    assertTwiml("<Gather action=\"/twilio/monkey_handle\"><Say>Still open</Say></Gather>");
  }

  @Test
  void strayStopsAreIgnored() {
    twilio.gatherStop();
    twilio.dialStop();
    twilio.say("fine");
    assertTwiml("<Say>fine</Say>");
  }

  @Test
  void verbsThatCannotNestAreRefusedAtOnce() {
    twilio.gatherStart("menu");
    IllegalStateException hangup = assertThrows(IllegalStateException.class, twilio::hangup);
    assertEquals(
        "<Hangup> cannot go inside <Gather>; close the <Gather> first", hangup.getMessage());
    assertThrows(IllegalStateException.class, () -> twilio.gatherStart("again"));
    assertThrows(IllegalStateException.class, () -> twilio.dial("+1"));
    assertThrows(IllegalStateException.class, () -> twilio.raw("<Hangup/>"));
    twilio.gatherStop();
    IllegalStateException number =
        assertThrows(IllegalStateException.class, () -> twilio.number("+18015552311"));
    assertEquals(
        "number(\"+18015552311\") must come between dialStart() and dialStop()",
        number.getMessage());
    assertTwiml("<Gather action=\"/twilio/menu\"/>");
  }

  @Test
  void methodsAndReasonsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> twilio.redirect("x").method("PUT"));
  }

  @Test
  void nullArgumentsAreNamed() {
    NullPointerException error = assertThrows(NullPointerException.class, () -> twilio.say(null));
    assertEquals("say(…) was given null", error.getMessage());
  }
}
