package io.picolabs.twilio.twiml;

import static io.picolabs.twilio.twiml.XmlEquivalence.assertEquivalent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Marshal, parse, marshal again: the second document must be the first, character for character.
 * That is the proxy for "reading gives back the model that was written" over a large set of
 * generated responses, and for "TwiML the model does not know survives as DOM".
 */
class RoundTripTest {
  private static final long SEED = 0x7D1A1_2025L;
  private static final int DOCUMENTS = 1_000;

  private static String roundTrip(String xml) {
    return TwimlWriter.write(TwimlReader.read(xml));
  }

  private static String write(Object... verbs) {
    Response response = new Response();
    response.children().addAll(List.of(verbs));
    return TwimlWriter.write(response);
  }

  private static void assertSameDocument(String expected, String actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    int i = 0;
    while (i < Math.min(expected.length(), actual.length())
        && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    fail(
        what
            + " changed in the round trip at character "
            + i
            + "\n  written:   "
            + expected
            + "\n  rewritten: "
            + actual);
  }

  @Test
  void generatedDocumentsSurviveTheRoundTrip() {
    Generator generator = new Generator(new Random(SEED));
    Map<String, Integer> elements = new TreeMap<>();
    Pattern tag = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)");
    for (int i = 0; i < DOCUMENTS; i++) {
      String xml = TwimlWriter.write(generator.response());
      assertSameDocument(xml, roundTrip(xml), "generated document " + i);
      for (Matcher m = tag.matcher(xml); m.find(); ) {
        elements.merge(m.group(1), 1, Integer::sum);
      }
    }
    // The generator must really have produced every verb, noun and SSML element, many times.
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "Response",
                "Say",
                "break",
                "emphasis",
                "prosody",
                "say-as",
                "p",
                "s",
                "Play",
                "Gather",
                "Record",
                "Dial",
                "Number",
                "Client",
                "Identity",
                "Parameter",
                "Conference",
                "Queue",
                "Sip",
                "Hangup",
                "Redirect",
                "Reject",
                "Pause",
                "Enqueue",
                "Task",
                "Leave",
                "Sms",
                "Connect",
                "Start",
                "Stop",
                "Stream",
                "ConversationRelay",
                "Language",
                "Message",
                "Body",
                "Media",
                "Pay",
                "Prompt",
                "Refer",
                "Echo",
                "Sim",
                "Room",
                "Siprec",
                "w"));
    for (String name : expected) {
      assertTrue(
          elements.getOrDefault(name, 0) >= 10,
          "<"
              + name
              + "> generated only "
              + elements.getOrDefault(name, 0)
              + " times: "
              + elements);
    }
    assertEquals(DOCUMENTS, elements.get("Response"));
  }

  // ---------------------------------------------------------------- TwiML the model does not know

  /**
   * Unknown verbs stay DOM elements, attributes, children, text and all. (Attributes are written in
   * name order here because a DOM keeps them so; the model's own elements keep theirs.)
   */
  @Test
  void unknownVerbsSurviveAsDom() {
    String xml =
        TwimlWriter.DECLARATION
            + "<Response>"
            + "<Say>Pay now &amp; later</Say>"
            + "<Pay action=\"/paid?a=1&amp;b=2\" input=\"dtmf\" paymentConnector=\"Stripe\">"
            + "<Prompt attempt=\"1 2\" for=\"payment-card-number\">"
            + "<Say voice=\"alice\">Card &lt;number&gt;</Say><Pause length=\"1\"/></Prompt>"
            + "<Parameter name=\"k\" value=\"&quot;v&quot;\"/></Pay>"
            + "<Refer action=\"/refer\"><Sip>sip:alice@example.com?X-a=1&amp;X-b=2</Sip></Refer>"
            + "<Echo/>"
            + "<Future some=\"thing\">text<Nested/>more</Future>"
            + "<Hangup/>"
            + "</Response>";
    Response response = TwimlReader.read(xml);
    List<Object> verbs = response.children();
    assertInstanceOf(Say.class, verbs.get(0));
    assertEquals("Pay", assertInstanceOf(Element.class, verbs.get(1)).getTagName());
    assertEquals("Refer", assertInstanceOf(Element.class, verbs.get(2)).getTagName());
    assertEquals("Echo", assertInstanceOf(Element.class, verbs.get(3)).getTagName());
    assertEquals("Future", assertInstanceOf(Element.class, verbs.get(4)).getTagName());
    assertInstanceOf(Hangup.class, verbs.get(5));
    assertSameDocument(xml, TwimlWriter.write(response), "unknown verbs");
  }

  /** Unknown nouns in every container, and SSML the model has no class for, survive as DOM. */
  @Test
  void unknownNounsAndSsmlSurviveAsDom() {
    String xml =
        TwimlWriter.DECLARATION
            + "<Response>"
            + "<Gather input=\"speech\"><Say>a</Say><Future/></Gather>"
            + "<Dial><Sim>DE0123</Sim><Application copyParentTo=\"true\">"
            + "<ApplicationSid>AP0123</ApplicationSid></Application></Dial>"
            + "<Connect><Room participantIdentity=\"alice\">DailyStandup</Room></Connect>"
            + "<Start><Siprec connectorName=\"c\"/><Transcription track=\"both_tracks\"/></Start>"
            + "<Stop><Siprec name=\"x\"/></Stop>"
            + "<Say>Hello <w role=\"amazon:VB\">read</w>, <phoneme alphabet=\"ipa\" ph=\"t&#601;\">"
            + "tomato</phoneme> <lang xml:lang=\"fr-FR\">bonjour</lang><sub alias=\"W3C\">"
            + "World Wide Web Consortium</sub>.</Say>"
            + "<Message><Body>b</Body><Future/></Message>"
            + "</Response>";
    Response response = TwimlReader.read(xml);
    Dial dial = assertInstanceOf(Dial.class, response.children().get(1));
    assertEquals("Sim", assertInstanceOf(Element.class, dial.children().get(0)).getTagName());
    Connect connect = assertInstanceOf(Connect.class, response.children().get(2));
    assertEquals("Room", assertInstanceOf(Element.class, connect.children().get(0)).getTagName());
    // The DOM holds ə as a character; the writer writes it as itself, not as a reference.
    assertSameDocument(
        xml.replace("t&#601;", "t\u0259"), TwimlWriter.write(response), "unknown nouns");
  }

  /** Raw TwiML handed to the model (KRL raw-response) joins a response and survives too. */
  @Test
  void rawTwimlJoinsAResponseAndSurvives() {
    Response response = new Response();
    response.children().add(new Say("before"));
    response
        .children()
        .addAll(RawTwiml.parse("<Pay input=\"dtmf\"/><Refer><Sip>sip:a@b</Sip></Refer><Leave/>"));
    String xml = TwimlWriter.write(response);
    assertEquals(
        TwimlWriter.DECLARATION
            + "<Response><Say>before</Say><Pay input=\"dtmf\"/><Refer><Sip>sip:a@b</Sip></Refer>"
            + "<Leave/></Response>",
        xml);
    assertInstanceOf(Leave.class, response.children().get(3));
    assertSameDocument(xml, roundTrip(xml), "raw TwiML");
  }

  // ---------------------------------------------------------------- known limits, pinned down

  /**
   * {@code <X/>} and {@code <X></X>} are the same XML, but not the same string: null text comes
   * back as empty text, and an empty body text of a mixed element (Dial, Client, Enqueue) is
   * dropped. The documents stay equivalent; the generator above avoids these two shapes.
   */
  @Test
  void emptyTextIsKeptAsXmlThoughNotAsTheSameString() {
    String xml =
        write(
            new Play(null).digits("1"),
            new Sms(null),
            new Dial(""),
            new Enqueue(""),
            dial(new Client(""), new Number(null)));
    String again = roundTrip(xml);
    assertEquals(
        TwimlWriter.DECLARATION
            + "<Response><Play digits=\"1\"></Play><Sms></Sms><Dial/><Enqueue/>"
            + "<Dial><Client/><Number></Number></Dial></Response>",
        again);
    assertEquivalent(xml, again);
  }

  /**
   * Several escape-hatch attributes on one element come back in another order (the reader keeps
   * them in a HashMap). Nothing is lost: the documents are equivalent.
   */
  @Test
  void severalEscapeHatchAttributesComeBackEquivalent() {
    Say say = new Say("x");
    for (String name : List.of("zeta", "alpha", "mid", "b9", "q", "aa", "x-y", "k.l", "_u", "Z")) {
      say.attribute(name, name + "&\"<");
    }
    String xml = write(say);
    assertEquivalent(xml, roundTrip(xml));
  }

  @Test
  void severalEscapeHatchAttributesKeepTheirOrder() {
    Say say = new Say("x");
    for (String name : List.of("zeta", "alpha", "mid", "b9", "q", "aa", "x-y", "k.l", "_u", "Z")) {
      say.attribute(name, name);
    }
    String xml = write(say);
    assertSameDocument(xml, roundTrip(xml), "escape-hatch attributes");
  }

  /**
   * Reading must not drop what it cannot type: raw TwiML (KRL raw-response) goes through the
   * reader, so {@code <Gather method="get">} silently becoming a POST gather, or a {@code record}
   * value Twilio adds tomorrow vanishing, changes the call.
   */
  @Test
  void readingKeepsAttributeValuesTheModelCannotType() {
    String xml =
        TwimlWriter.DECLARATION
            + "<Response><Gather method=\"get\" bargeIn=\"True\" input=\"dtmf whisper\"/>"
            + "<Record trim=\"bogus\"/><Dial record=\"record-from-answer-triple\">1</Dial>"
            + "</Response>";
    assertEquivalent(xml, roundTrip(xml));
  }

  @Test
  void readingANonIntegerLoopKeepsIt() {
    String xml = TwimlWriter.DECLARATION + "<Response><Say loop=\"forever\">x</Say></Response>";
    assertEquivalent(xml, roundTrip(xml));
  }

  private static Dial dial(Object... nouns) {
    Dial dial = new Dial();
    dial.children().addAll(List.of(nouns));
    return dial;
  }

  // ---------------------------------------------------------------- the generator

  /** Random but valid responses: each verb where Twilio allows it, each attribute half the time. */
  private static final class Generator {
    /**
     * Pieces of text: markup, references that must stay literal, line ends, non-ASCII, astral
     * characters and characters XML cannot carry (which the model drops).
     */
    private static final String[] PIECES = {
      "a",
      "Hello",
      "monkey",
      "12",
      "+15558675310",
      " ",
      "  ",
      "&",
      "<",
      ">",
      "\"",
      "'",
      "]]>",
      "&amp;",
      "&#13;",
      "<![CDATA[",
      "<!--",
      "-->",
      "<?x?>",
      "\n",
      "\r",
      "\r\n",
      "\t",
      "é",
      "Grüße",
      "你好",
      "\uD83D\uDC35",
      "\u0000",
      "\u0001",
      "\u001F",
      "\u007F",
      "\u0085",
      "\u2028",
      "\uFFFE",
      "\uFFFF",
      "\uD800",
      "\uDC00",
      "=",
      "/",
      "%20",
      "https://x.example/a?b=1&c=2"
    };

    private static final List<Element> RAW_VERBS =
        RawTwiml.elements(
            "<Pay input=\"dtmf\" action=\"/paid?a=1&amp;b=2\"><Prompt for=\"payment-card-number\">"
                + "<Say>Card &amp; number</Say></Prompt></Pay>"
                + "<Refer action=\"/refer\"><Sip>sip:alice@example.com</Sip></Refer>"
                + "<Echo/>");
    private static final List<Element> RAW_DIAL_NOUNS =
        RawTwiml.elements(
            "<Sim>DE0123</Sim><Application><ApplicationSid>AP1</ApplicationSid>"
                + "</Application>");
    private static final List<Element> RAW_STREAM_NOUNS =
        RawTwiml.elements("<Room participantIdentity=\"a\">r</Room><Siprec name=\"s\"/>");
    private static final String[] RAW_SAYS = {
      "<Say>Hello <w role=\"amazon:VB\">read</w></Say>",
      "<Say><sub alias=\"W3C\">World Wide Web Consortium</sub> &amp; <w>x</w></Say>"
    };

    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    Response response() {
      Response response = new Response();
      boolean messaging = random.nextInt(5) == 0;
      int verbs = 1 + random.nextInt(6);
      for (int i = 0; i < verbs; i++) {
        response.children().add(messaging ? messagingVerb() : voiceVerb());
      }
      return hatch(response);
    }

    private Object messagingVerb() {
      if (random.nextInt(4) == 0) {
        return redirect();
      }
      Message message = new Message(text());
      if (coin()) message.to(attr());
      if (coin()) message.from(attr());
      if (coin()) message.action(attr());
      if (coin()) message.method(method());
      if (coin()) message.statusCallback(attr());
      int media = random.nextInt(4);
      for (int i = 0; i < media; i++) {
        message.media(text());
      }
      return hatch(message);
    }

    private Object voiceVerb() {
      return switch (random.nextInt(17)) {
        case 0, 1 -> say();
        case 2 -> play();
        case 3 -> gather();
        case 4 -> record();
        case 5, 6 -> dial();
        case 7 -> hatch(new Hangup());
        case 8 -> redirect();
        case 9 -> hatch(coin() ? new Reject() : new Reject().reason(pick(Reject.Reason.values())));
        case 10 -> pause();
        case 11 -> enqueue();
        case 12 -> hatch(new Leave());
        case 13 -> sms();
        case 14 -> streamVerb();
        case 15 -> raw(RAW_VERBS);
        default -> messagingVerb(); // the model lets Message stand in a voice response
      };
    }

    private Say say() {
      // Now and then a Say read from raw TwiML, holding SSML the model has no class for as DOM.
      Say say =
          random.nextInt(4) == 0 ? (Say) RawTwiml.parse(pick(RAW_SAYS)).get(0) : new Say(text());
      if (coin()) say.voice(attr());
      if (coin()) say.language(attr());
      if (coin()) say.loop(integer());
      int parts = random.nextInt(6);
      for (int i = 0; i < parts; i++) {
        switch (random.nextInt(7)) {
          case 0 -> say.text(text());
          case 1 -> {
            SsmlBreak pause = say.ssmlBreak();
            if (coin()) pause.strength(pick(SsmlBreak.Strength.values()));
            if (coin()) pause.time(attr());
            hatch(pause);
          }
          case 2 -> {
            SsmlEmphasis emphasis = say.emphasis(text());
            if (coin()) emphasis.level(pick(SsmlEmphasis.Level.values()));
            hatch(emphasis);
          }
          case 3 -> {
            SsmlProsody prosody = say.prosody(text());
            if (coin()) prosody.volume(attr());
            if (coin()) prosody.rate(attr());
            if (coin()) prosody.pitch(attr());
            hatch(prosody);
          }
          case 4 -> {
            SsmlSayAs sayAs = say.sayAs(text());
            if (coin()) sayAs.interpretAs(attr());
            if (coin()) sayAs.format(attr());
            hatch(sayAs);
          }
          case 5 -> hatch(say.p(text()));
          default -> hatch(say.s(text()));
        }
      }
      return hatch(say);
    }

    private Play play() {
      Play play = new Play(text());
      if (coin()) play.loop(integer());
      if (coin()) play.digits(attr());
      return hatch(play);
    }

    private Pause pause() {
      Pause pause = new Pause();
      if (coin()) pause.length(integer());
      return hatch(pause);
    }

    private Redirect redirect() {
      Redirect redirect = new Redirect(text());
      if (coin()) redirect.method(method());
      return hatch(redirect);
    }

    private Gather gather() {
      Gather gather = new Gather();
      if (coin()) gather.action(attr());
      if (coin()) gather.method(method());
      if (coin()) gather.timeout(integer());
      if (coin()) gather.finishOnKey(attr());
      if (coin()) gather.numDigits(integer());
      if (coin()) gather.input(some(Gather.Input.values()));
      if (coin()) {
        if (coin()) {
          gather.speechTimeout(integer());
        } else {
          gather.speechTimeoutAuto();
        }
      }
      if (coin()) gather.hints(attr());
      if (coin()) gather.language(attr());
      if (coin()) gather.profanityFilter(coin());
      if (coin()) gather.bargeIn(coin());
      if (coin()) gather.actionOnEmptyResult(coin());
      if (coin()) gather.partialResultCallback(attr());
      if (coin()) gather.partialResultCallbackMethod(method());
      if (coin()) gather.speechModel(attr());
      if (coin()) gather.enhanced(coin());
      if (coin()) gather.maxSpeechTime(integer());
      if (coin()) gather.debug(coin());
      int children = random.nextInt(5);
      for (int i = 0; i < children; i++) {
        gather
            .children()
            .add(
                switch (random.nextInt(7)) {
                  case 0, 1, 2 -> say();
                  case 3, 4 -> play();
                  case 5 -> pause();
                  default -> raw(RawTwiml.elements("<Future a=\"1\"/>"));
                });
      }
      return hatch(gather);
    }

    private Record record() {
      Record record = new Record();
      if (coin()) record.action(attr());
      if (coin()) record.method(method());
      if (coin()) record.timeout(integer());
      if (coin()) record.finishOnKey(attr());
      if (coin()) record.maxLength(integer());
      if (coin()) record.playBeep(coin());
      if (coin()) record.trim(pick(Trim.values()));
      if (coin()) record.transcribe(coin());
      if (coin()) record.transcribeCallback(attr());
      if (coin()) record.recordingStatusCallback(attr());
      if (coin()) record.recordingStatusCallbackMethod(method());
      if (coin()) record.recordingStatusCallbackEvent(some(RecordingEvent.values()));
      return hatch(record);
    }

    private Dial dial() {
      Dial dial;
      if (random.nextInt(3) == 0) {
        dial = new Dial(nonEmptyText());
      } else {
        dial = new Dial();
        int nouns = 1 + random.nextInt(4);
        for (int i = 0; i < nouns; i++) {
          dial.children()
              .add(
                  switch (random.nextInt(11)) {
                    case 0, 1 -> number();
                    case 2, 3 -> client();
                    case 4, 5 -> conference();
                    case 6, 7 -> queue();
                    case 8, 9 -> sip();
                    default -> raw(RAW_DIAL_NOUNS);
                  });
        }
      }
      if (coin()) dial.action(attr());
      if (coin()) dial.method(method());
      if (coin()) dial.timeout(integer());
      if (coin()) dial.hangupOnStar(coin());
      if (coin()) dial.timeLimit(integer());
      if (coin()) dial.callerId(attr());
      if (coin()) dial.record(pick(Dial.Recording.values()));
      if (coin()) dial.trim(pick(Trim.values()));
      if (coin()) dial.answerOnBridge(coin());
      if (coin()) dial.ringTone(attr());
      if (coin()) dial.recordingTrack(pick(Dial.RecordingTrack.values()));
      if (coin()) dial.sequential(coin());
      if (coin()) dial.referUrl(attr());
      if (coin()) dial.referMethod(method());
      if (coin()) dial.recordingStatusCallback(attr());
      if (coin()) dial.recordingStatusCallbackMethod(method());
      if (coin()) dial.recordingStatusCallbackEvent(some(RecordingEvent.values()));
      return hatch(dial);
    }

    private Number number() {
      Number number = new Number(text());
      if (coin()) number.sendDigits(attr());
      if (coin()) number.url(attr());
      if (coin()) number.method(method());
      if (coin()) number.statusCallback(attr());
      if (coin()) number.statusCallbackEvent(some(CallProgress.values()));
      if (coin()) number.statusCallbackMethod(method());
      if (coin()) number.byoc(attr());
      if (coin()) number.machineDetection(attr());
      if (coin()) number.machineDetectionTimeout(integer());
      if (coin()) number.amdStatusCallback(attr());
      if (coin()) number.amdStatusCallbackMethod(method());
      return hatch(number);
    }

    private Client client() {
      Client client = new Client(nonEmptyText());
      if (coin()) client.url(attr());
      if (coin()) client.method(method());
      if (coin()) client.statusCallback(attr());
      if (coin()) client.statusCallbackEvent(some(CallProgress.values()));
      if (coin()) client.statusCallbackMethod(method());
      int parameters = random.nextInt(3);
      for (int i = 0; i < parameters; i++) {
        client.parameter(attr(), attr());
      }
      return hatch(client);
    }

    private Conference conference() {
      Conference conference = new Conference(text());
      if (coin()) conference.muted(coin());
      if (coin()) conference.beep(pick(Conference.Beep.values()));
      if (coin()) conference.startConferenceOnEnter(coin());
      if (coin()) conference.endConferenceOnExit(coin());
      if (coin()) conference.waitUrl(attr());
      if (coin()) conference.waitMethod(method());
      if (coin()) conference.maxParticipants(integer());
      if (coin()) conference.record(pick(Conference.Recording.values()));
      if (coin()) conference.region(attr());
      if (coin()) conference.coach(attr());
      if (coin()) conference.trim(pick(Trim.values()));
      if (coin()) conference.statusCallback(attr());
      if (coin()) conference.statusCallbackEvent(some(Conference.Event.values()));
      if (coin()) conference.statusCallbackMethod(method());
      if (coin()) conference.recordingStatusCallback(attr());
      if (coin()) conference.recordingStatusCallbackMethod(method());
      if (coin()) conference.recordingStatusCallbackEvent(some(RecordingEvent.values()));
      if (coin()) conference.eventCallbackUrl(attr());
      if (coin()) conference.jitterBufferSize(attr());
      if (coin()) conference.participantLabel(attr());
      return hatch(conference);
    }

    private Queue queue() {
      Queue queue = new Queue(text());
      if (coin()) queue.url(attr());
      if (coin()) queue.method(method());
      if (coin()) queue.reservationSid(attr());
      if (coin()) queue.postWorkActivitySid(attr());
      return hatch(queue);
    }

    private Sip sip() {
      Sip sip = new Sip(text());
      if (coin()) sip.username(attr());
      if (coin()) sip.password(attr());
      if (coin()) sip.url(attr());
      if (coin()) sip.method(method());
      if (coin()) sip.statusCallback(attr());
      if (coin()) sip.statusCallbackEvent(some(CallProgress.values()));
      if (coin()) sip.statusCallbackMethod(method());
      return hatch(sip);
    }

    private Enqueue enqueue() {
      Enqueue enqueue;
      if (coin()) {
        enqueue = new Enqueue(nonEmptyText());
        if (coin()) enqueue.workflowSid(attr());
      } else {
        Task task = new Task(text());
        if (coin()) task.priority(integer());
        if (coin()) task.timeout(integer());
        enqueue = Enqueue.task(attr(), hatch(task));
      }
      if (coin()) enqueue.action(attr());
      if (coin()) enqueue.method(method());
      if (coin()) enqueue.waitUrl(attr());
      if (coin()) enqueue.waitUrlMethod(method());
      if (coin()) enqueue.maxQueueSize(integer());
      return hatch(enqueue);
    }

    private Sms sms() {
      Sms sms = new Sms(text());
      if (coin()) sms.to(attr());
      if (coin()) sms.from(attr());
      if (coin()) sms.action(attr());
      if (coin()) sms.method(method());
      if (coin()) sms.statusCallback(attr());
      return hatch(sms);
    }

    private Object streamVerb() {
      Container verb =
          switch (random.nextInt(3)) {
            case 0 -> {
              Connect connect = new Connect();
              if (coin()) connect.action(attr());
              if (coin()) connect.method(method());
              yield hatch(connect);
            }
            case 1 -> {
              Start start = new Start();
              if (coin()) start.action(attr());
              if (coin()) start.method(method());
              yield hatch(start);
            }
            default -> hatch(new Stop());
          };
      int children = random.nextInt(3);
      for (int i = 0; i < children; i++) {
        int pick = random.nextInt(4);
        verb.children()
            .add(
                pick == 0
                    ? raw(RAW_STREAM_NOUNS)
                    : pick < 3 && verb instanceof Connect ? relay() : stream());
      }
      return verb;
    }

    private ConversationRelay relay() {
      ConversationRelay relay = new ConversationRelay(attr());
      if (coin()) relay.language(attr());
      if (coin()) relay.ttsProvider(attr());
      if (coin()) relay.voice(attr());
      if (coin()) relay.welcomeGreeting(attr());
      if (coin()) relay.dtmfDetection(coin());
      if (coin()) relay.interruptible(pick(ConversationRelay.Input.values()));
      if (coin()) relay.reportInputDuringAgentSpeech(pick(ConversationRelay.Input.values()));
      if (coin()) relay.hints(attr());
      int children = random.nextInt(3);
      for (int i = 0; i < children; i++) {
        if (coin()) {
          Language language = new Language(attr());
          if (coin()) language.ttsProvider(attr());
          if (coin()) language.voice(attr());
          if (coin()) language.speechModel(attr());
          relay.language(hatch(language));
        } else {
          relay.parameter(attr(), attr());
        }
      }
      return hatch(relay);
    }

    private Stream stream() {
      Stream stream = new Stream();
      if (coin()) stream.url(attr());
      if (coin()) stream.name(attr());
      if (coin()) stream.track(pick(Stream.Track.values()));
      if (coin()) stream.statusCallback(attr());
      if (coin()) stream.statusCallbackMethod(method());
      int parameters = random.nextInt(3);
      for (int i = 0; i < parameters; i++) {
        stream.parameter(attr(), attr());
      }
      return hatch(stream);
    }

    // ---------------------------------------------------------------- values

    /**
     * One escape-hatch attribute, now and then. Only one per element (see {@link
     * RoundTripTest#severalEscapeHatchAttributesKeepTheirOrder}), and never a name the element
     * models (see TextPropertyTest#escapeHatchOverAModelledAttributeStaysWellFormed).
     */
    private <T extends TwimlElement<T>> T hatch(T element) {
      if (random.nextInt(6) == 0) {
        element.attribute("data-" + word(), attr());
      }
      return element;
    }

    private Element raw(List<Element> choices) {
      return choices.get(random.nextInt(choices.size()));
    }

    private boolean coin() {
      return random.nextBoolean();
    }

    private int integer() {
      return random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(100);
    }

    private String method() {
      return pick(new String[] {"GET", "POST", "get", "post", " Post "});
    }

    private <E> E pick(E[] values) {
      return values[random.nextInt(values.length)];
    }

    /** A few of {@code values}, in any order, repeats and none at all included. */
    private <E> E[] some(E[] values) {
      E[] chosen = Arrays.copyOf(values, random.nextInt(values.length + 2));
      for (int i = 0; i < chosen.length; i++) {
        chosen[i] = pick(values);
      }
      return chosen;
    }

    private String word() {
      StringBuilder word = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int i = 0; i < length; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      return word.toString();
    }

    /** Random text, sometimes empty, sometimes long, often with markup and controls. */
    String text() {
      return text(() -> pick(PIECES));
    }

    /**
     * Random attribute text: as {@link #text} without tabs, which an attribute cannot keep (see
     * TextPropertyTest#attributeTabsSurvive).
     */
    String attr() {
      return text(
          () -> {
            String piece = pick(PIECES);
            return piece.equals("\t") ? "b" : piece;
          });
    }

    /** Text that is not empty once the characters XML cannot carry are dropped. */
    String nonEmptyText() {
      return text() + word();
    }

    private String text(Supplier<String> piece) {
      int pieces = random.nextInt(20) == 0 ? 100 + random.nextInt(200) : random.nextInt(6);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < pieces; i++) {
        text.append(random.nextBoolean() ? word() : piece.get());
      }
      return text.toString();
    }
  }
}
