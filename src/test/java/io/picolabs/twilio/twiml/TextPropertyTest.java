package io.picolabs.twilio.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Whatever text a rule hands the model, in whichever text or String-attribute position, the
 * document is well-formed and a parser reads back exactly {@link XmlSafeText#clean} of it.
 *
 * <p>Two facts of XML shape the writer. A parser turns a literal CR in text into LF, so the writer
 * writes CR as {@code &#13;} and CR survives. In attribute values a parser also turns literal tab,
 * LF and CR into spaces (attribute-value normalisation), so the writer writes all three as
 * references and they survive too ({@link #attributeTabsSurvive}).
 */
class TextPropertyTest {
  private static final long SEED = 0x5AFE_7E47L;
  private static final int CASES = 2_000;

  /** Strings that have broken XML writers, each tried alone in every position. */
  private static final String[] NASTY = {
    "",
    " ",
    "<",
    ">",
    "&",
    "\"",
    "'",
    "]]>",
    "&amp;",
    "&lt;tag&gt;",
    "&#13;",
    "&#0;",
    "<![CDATA[x]]>",
    "<![CDATA[",
    "<!-- c -->",
    "<?xml version=\"1.0\"?>",
    "<Say>injected</Say>",
    "\" injected=\"1",
    "' injected='1",
    "\r",
    "\n",
    "\r\n",
    "\n\r",
    "\t",
    " \t\r\n ",
    "\u0000",
    "\u0008",
    "\u000B",
    "\u000C",
    "\u001F",
    "\u007F",
    "\u0085",
    "\u00A0",
    "\u2028",
    "\u2029",
    "\uD7FF",
    "\uD800",
    "\uDBFF",
    "\uDC00",
    "\uDFFF",
    "\uDC35\uD83D",
    "\uE000",
    "\uFEFF",
    "\uFFFD",
    "\uFFFE",
    "\uFFFF",
    "\uD83D\uDC35",
    "\uDBFF\uDFFF",
    "e\u0301",
    "\u05E9\u05DC\u05D5\u05DD",
    "a\u0000b\u0001c\uFFFEd\uD800e",
  };

  /** What a parser reads back: the clean text, in text and attributes alike. */
  private static String expected(Slot slot) {
    return XmlSafeText.clean(slot.input());
  }

  @Test
  void randomTextInEveryPosition() {
    Random random = new Random(SEED);
    Supplier<String> strings = () -> randomString(random);
    for (int i = 0; i < CASES; i++) {
      String label = "case " + i;
      check(label, document(strings));
    }
  }

  @Test
  void eachNastyStringInEveryPosition() {
    for (String nasty : NASTY) {
      String label = "\"" + visible(nasty) + "\"";
      check(label, document(() -> nasty));
    }
  }

  @Test
  void everyCharacterBelowU0100AndAroundTheSurrogatesInEveryPosition() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      all.append(c);
    }
    for (char c = 0xD7F0; c < 0xE010; c += 7) {
      all.append(c);
    }
    all.append("\uFFF0\uFFFD\uFFFE\uFFFF");
    String text = all.toString();
    check("U+0000..U+00FF", document(() -> text));
  }

  @Test
  void escapeHatchRefusesWhatIsNotAnAttributeName() {
    for (String name : new String[] {null, "", "1a", "a b", "a:b", "a=b", "\"", "a\u0000"}) {
      assertThrows(
          IllegalArgumentException.class, () -> new Say("x").attribute(name, "v"), "" + name);
    }
  }

  // ---------------------------------------------------------------- known model bugs

  @Test
  void attributeTabsSurvive() {
    Response response = new Response();
    response.children().add(new Say("x").voice("a\tb").attribute("data-x", "c\td"));
    Element say = (Element) parse(TwimlWriter.write(response)).getFirstChild();
    assertEquals("a\tb", say.getAttribute("voice"));
    assertEquals("c\td", say.getAttribute("data-x"));
  }

  @Test
  void textAddedStraightToADialIsCleaned() {
    Dial dial = new Dial();
    dial.children().add("+1555\u0001");
    Response response = new Response();
    response.children().add(dial);
    assertEquals("+1555", parse(TwimlWriter.write(response)).getTextContent());
  }

  @Test
  void escapeHatchOverAModelledAttributeIsRefused() {
    // Writing it as well as the modelled one would give two voice attributes: ill-formed.
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Say("x").voice("alice").attribute("voice", "man"));
    assertEquals("voice is an attribute of <Say> with its own method", error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SsmlSayAs("1").attribute("interpret-as", "digits"));
  }

  @Test
  void escapeHatchRefusesNamespaceDeclarations() {
    assertThrows(IllegalArgumentException.class, () -> new Say("x").attribute("xmlns", "urn:x"));
  }

  // ---------------------------------------------------------------- the documents

  /** A text or attribute position, as a path below {@code <Response>}, and what was put there. */
  private record Slot(String path, String input, boolean attribute, boolean mayBeLeftOut) {}

  /** Draws a string for each position and remembers where it went. */
  private static final class Filler {
    final Supplier<String> strings;
    final List<Slot> slots = new ArrayList<>();
    int hatches;

    Filler(Supplier<String> strings) {
      this.strings = strings;
    }

    String text(String path) {
      return add(path, false, false);
    }

    /** Text the model leaves out, element and all, when it is empty (a Message's Body). */
    String optionalText(String path) {
      return add(path, false, true);
    }

    String attr(String path) {
      return add(path, true, false);
    }

    /** An escape-hatch attribute with a fresh name. */
    <T extends TwimlElement<T>> T hatch(T element, String path) {
      String name = "data-" + (hatches++);
      return element.attribute(name, attr(path + "@" + name));
    }

    private String add(String path, boolean attribute, boolean mayBeLeftOut) {
      String input = strings.get();
      slots.add(new Slot(path, input, attribute, mayBeLeftOut));
      return input;
    }
  }

  private record Case(Response response, List<Slot> slots) {}

  /**
   * Every String position of the voice verbs and nouns, then of messaging TwiML. They share one
   * document: the test needs the positions, not a response Twilio would run.
   */
  private static Case document(Supplier<String> strings) {
    Filler f = new Filler(strings);
    Response r = new Response();
    List<Object> verbs = r.children();

    verbs.add(
        f.hatch(
            new Say(f.text("Say[1]"))
                .voice(f.attr("Say[1]@voice"))
                .language(f.attr("Say[1]@language")),
            "Say[1]"));

    Say ssml = new Say("");
    f.hatch(ssml.ssmlBreak().time(f.attr("Say[2]/break[1]@time")), "Say[2]/break[1]");
    f.hatch(ssml.emphasis(f.text("Say[2]/emphasis[1]")), "Say[2]/emphasis[1]");
    f.hatch(
        ssml.prosody(f.text("Say[2]/prosody[1]"))
            .volume(f.attr("Say[2]/prosody[1]@volume"))
            .rate(f.attr("Say[2]/prosody[1]@rate"))
            .pitch(f.attr("Say[2]/prosody[1]@pitch")),
        "Say[2]/prosody[1]");
    f.hatch(
        ssml.sayAs(f.text("Say[2]/say-as[1]"))
            .interpretAs(f.attr("Say[2]/say-as[1]@interpret-as"))
            .format(f.attr("Say[2]/say-as[1]@format")),
        "Say[2]/say-as[1]");
    f.hatch(ssml.p(f.text("Say[2]/p[1]")), "Say[2]/p[1]");
    f.hatch(ssml.s(f.text("Say[2]/s[1]")), "Say[2]/s[1]");
    verbs.add(ssml);

    verbs.add(f.hatch(new Play(f.text("Play[1]")).digits(f.attr("Play[1]@digits")), "Play[1]"));

    Gather gather =
        new Gather()
            .action(f.attr("Gather[1]@action"))
            .finishOnKey(f.attr("Gather[1]@finishOnKey"))
            .hints(f.attr("Gather[1]@hints"))
            .language(f.attr("Gather[1]@language"))
            .partialResultCallback(f.attr("Gather[1]@partialResultCallback"))
            .speechModel(f.attr("Gather[1]@speechModel"));
    gather.children().add(new Say(f.text("Gather[1]/Say[1]")));
    gather.children().add(new Play(f.text("Gather[1]/Play[1]")));
    verbs.add(f.hatch(gather, "Gather[1]"));

    verbs.add(
        f.hatch(
            new Record()
                .action(f.attr("Record[1]@action"))
                .finishOnKey(f.attr("Record[1]@finishOnKey"))
                .transcribeCallback(f.attr("Record[1]@transcribeCallback"))
                .recordingStatusCallback(f.attr("Record[1]@recordingStatusCallback")),
            "Record[1]"));

    verbs.add(
        f.hatch(
            new Dial(f.text("Dial[1]"))
                .action(f.attr("Dial[1]@action"))
                .callerId(f.attr("Dial[1]@callerId"))
                .ringTone(f.attr("Dial[1]@ringTone"))
                .referUrl(f.attr("Dial[1]@referUrl"))
                .recordingStatusCallback(f.attr("Dial[1]@recordingStatusCallback")),
            "Dial[1]"));

    Dial nouns = new Dial();
    String n = "Dial[2]/Number[1]";
    nouns
        .children()
        .add(
            f.hatch(
                new Number(f.text(n))
                    .sendDigits(f.attr(n + "@sendDigits"))
                    .url(f.attr(n + "@url"))
                    .statusCallback(f.attr(n + "@statusCallback"))
                    .byoc(f.attr(n + "@byoc"))
                    .machineDetection(f.attr(n + "@machineDetection"))
                    .amdStatusCallback(f.attr(n + "@amdStatusCallback")),
                n));
    String c1 = "Dial[2]/Client[1]";
    nouns
        .children()
        .add(
            f.hatch(
                new Client(f.text(c1))
                    .url(f.attr(c1 + "@url"))
                    .statusCallback(f.attr(c1 + "@statusCallback")),
                c1));
    String c2 = "Dial[2]/Client[2]";
    Client withParameters = new Client(f.text(c2 + "/Identity[1]"));
    withParameters.parameter(f.attr(c2 + "/Parameter[1]@name"), f.attr(c2 + "/Parameter[1]@value"));
    withParameters.parameter(f.attr(c2 + "/Parameter[2]@name"), f.attr(c2 + "/Parameter[2]@value"));
    nouns.children().add(withParameters);
    String cf = "Dial[2]/Conference[1]";
    nouns
        .children()
        .add(
            f.hatch(
                new Conference(f.text(cf))
                    .waitUrl(f.attr(cf + "@waitUrl"))
                    .region(f.attr(cf + "@region"))
                    .coach(f.attr(cf + "@coach"))
                    .statusCallback(f.attr(cf + "@statusCallback"))
                    .recordingStatusCallback(f.attr(cf + "@recordingStatusCallback"))
                    .eventCallbackUrl(f.attr(cf + "@eventCallbackUrl"))
                    .jitterBufferSize(f.attr(cf + "@jitterBufferSize"))
                    .participantLabel(f.attr(cf + "@participantLabel")),
                cf));
    String q = "Dial[2]/Queue[1]";
    nouns
        .children()
        .add(
            f.hatch(
                new Queue(f.text(q))
                    .url(f.attr(q + "@url"))
                    .reservationSid(f.attr(q + "@reservationSid"))
                    .postWorkActivitySid(f.attr(q + "@postWorkActivitySid")),
                q));
    String s = "Dial[2]/Sip[1]";
    nouns
        .children()
        .add(
            f.hatch(
                new Sip(f.text(s))
                    .username(f.attr(s + "@username"))
                    .password(f.attr(s + "@password"))
                    .url(f.attr(s + "@url"))
                    .statusCallback(f.attr(s + "@statusCallback")),
                s));
    verbs.add(nouns);

    verbs.add(
        f.hatch(
            new Sms(f.text("Sms[1]"))
                .to(f.attr("Sms[1]@to"))
                .from(f.attr("Sms[1]@from"))
                .action(f.attr("Sms[1]@action"))
                .statusCallback(f.attr("Sms[1]@statusCallback")),
            "Sms[1]"));
    verbs.add(f.hatch(new Redirect(f.text("Redirect[1]")), "Redirect[1]"));
    verbs.add(
        f.hatch(
            new Enqueue(f.text("Enqueue[1]"))
                .action(f.attr("Enqueue[1]@action"))
                .waitUrl(f.attr("Enqueue[1]@waitUrl"))
                .workflowSid(f.attr("Enqueue[1]@workflowSid")),
            "Enqueue[1]"));
    verbs.add(
        Enqueue.task(
            f.attr("Enqueue[2]@workflowSid"),
            f.hatch(new Task(f.text("Enqueue[2]/Task[1]")), "Enqueue[2]/Task[1]")));
    String st = "Connect[1]/Stream[1]";
    verbs.add(
        f.hatch(
            new Connect(
                    f.hatch(
                        new Stream()
                            .url(f.attr(st + "@url"))
                            .name(f.attr(st + "@name"))
                            .statusCallback(f.attr(st + "@statusCallback"))
                            .parameter(
                                f.attr(st + "/Parameter[1]@name"),
                                f.attr(st + "/Parameter[1]@value")),
                        st))
                .action(f.attr("Connect[1]@action")),
            "Connect[1]"));
    verbs.add(
        f.hatch(
            new Start(new Stream().name(f.attr("Start[1]/Stream[1]@name")))
                .action(f.attr("Start[1]@action")),
            "Start[1]"));
    verbs.add(new Stop(new Stream().name(f.attr("Stop[1]/Stream[1]@name"))));
    verbs.add(f.hatch(new Hangup(), "Hangup[1]"));
    verbs.add(f.hatch(new Leave(), "Leave[1]"));
    r.children()
        .add(
            f.hatch(
                new Message(f.text("Message[1]"))
                    .to(f.attr("Message[1]@to"))
                    .from(f.attr("Message[1]@from"))
                    .action(f.attr("Message[1]@action"))
                    .statusCallback(f.attr("Message[1]@statusCallback")),
                "Message[1]"));
    r.children()
        .add(
            new Message(f.optionalText("Message[2]/Body[1]"))
                .media(f.text("Message[2]/Media[1]"))
                .media(f.text("Message[2]/Media[2]")));
    r.children().add(f.hatch(new Redirect(f.text("Redirect[2]")), "Redirect[2]"));
    f.hatch(r, "");
    return new Case(r, f.slots);
  }

  // ---------------------------------------------------------------- checking

  private static void check(String label, Case c) {
    String xml = TwimlWriter.write(c.response());
    Element root = parse(xml);
    for (Slot slot : c.slots()) {
      String expected = expected(slot);
      String actual = read(root, slot.path());
      if (actual == null && slot.mayBeLeftOut() && expected.isEmpty()) {
        continue;
      }
      if (!expected.equals(actual)) {
        fail(
            label
                + ": "
                + slot.path()
                + (slot.attribute() ? "" : " (text)")
                + " was given \""
                + visible(slot.input())
                + "\", expected \""
                + visible(expected)
                + "\" but read "
                + (actual == null ? "nothing" : "\"" + visible(actual) + "\"")
                + "\n  document: "
                + visible(xml));
      }
    }
  }

  /** The root element of {@code xml}; the test fails if it is not well-formed. */
  private static Element parse(String xml) {
    return XmlEquivalence.parse(xml).getDocumentElement();
  }

  /** A parsed slot path: element steps below the root, and the attribute name or null. */
  private record Path(String[] names, int[] indexes, String attribute) {
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();

    static Path of(String path) {
      return CACHE.computeIfAbsent(path, Path::parse);
    }

    private static Path parse(String path) {
      int at = path.indexOf('@');
      String elements = at < 0 ? path : path.substring(0, at);
      String[] steps = elements.isEmpty() ? new String[0] : elements.split("/");
      String[] names = new String[steps.length];
      int[] indexes = new int[steps.length];
      for (int i = 0; i < steps.length; i++) {
        int bracket = steps[i].indexOf('[');
        names[i] = steps[i].substring(0, bracket);
        indexes[i] = Integer.parseInt(steps[i].substring(bracket + 1, steps[i].length() - 1));
      }
      return new Path(names, indexes, at < 0 ? null : path.substring(at + 1));
    }
  }

  /**
   * The text or attribute at {@code path} ({@code Dial[2]/Client[2]/Parameter[1]@name}, relative to
   * the root; {@code @name} alone is an attribute of the root), or null if it is not there.
   */
  private static String read(Element root, String path) {
    Path p = Path.of(path);
    Element element = root;
    for (int i = 0; i < p.names().length && element != null; i++) {
      element = child(element, p.names()[i], p.indexes()[i]);
    }
    if (element == null) {
      return null;
    }
    if (p.attribute() == null) {
      return element.getTextContent();
    }
    return element.hasAttribute(p.attribute()) ? element.getAttribute(p.attribute()) : null;
  }

  private static Element child(Element parent, String name, int index) {
    int seen = 0;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name) && ++seen == index) {
        return element;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- random strings

  private static final String[] PIECES = {
    "<",
    ">",
    "&",
    "\"",
    "'",
    "]]>",
    "]]",
    "&amp;",
    "&lt;",
    "&#13;",
    "&#x1;",
    "<![CDATA[",
    "<!--",
    "-->",
    "<?xml",
    "?>",
    "/>",
    "</Say>",
    "=",
    "\r",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\u00A0",
    "\u0085",
    "\u2028",
    "\uFEFF",
    "\uFFFD",
    "\uFFFE",
    "\uFFFF",
    "\uD83D\uDC35",
    "\uD83C\uDDE9\uD83C\uDDEA",
    "\uDBFF\uDFFF",
    "\uD800",
    "\uDFFF",
    "\uDC35\uD83D",
    "e\u0301",
    "你好",
    "Grüße",
    "\u05E9\u05DC\u05D5\u05DD"
  };

  /**
   * Mostly short strings of words, markup, line ends, controls (U+0000–U+001F), noncharacters, lone
   * surrogates and astral characters; now and then a long one.
   */
  static String randomString(Random random) {
    // About one position in 200 gets a long string: every other document holds one.
    int length = random.nextInt(200) == 0 ? 300 + random.nextInt(2000) : random.nextInt(12);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0 -> out.append(PIECES[random.nextInt(PIECES.length)]);
        case 1 -> out.append((char) random.nextInt(0x20)); // every C0 control, tab, LF and CR
        case 2 -> out.append((char) random.nextInt(0x10000)); // any UTF-16 unit, halves included
        case 3 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000)); // astral
        default -> out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out.toString();
  }

  /** Makes controls, line ends and surrogate halves visible in a failure message. */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c >= 0xFFFE) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
