package io.picolabs.twilio.testkit;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * One phone call as Twilio runs it: requests the server's TwiML, performs the verbs in order, waits
 * where the caller (or the world) must act, posts what happened to the verb's {@code action}, and
 * at the end posts the call's status callback.
 *
 * <p>Time is simulated, so that durations are exact in tests: each {@code Say} or {@code Play}
 * takes one second per loop, a {@code Pause} its {@code length}, a Gather that hears nothing its
 * {@code timeout}, a dialed call or a recording the seconds the script gives.
 *
 * <p>Not thread-safe: one script (a test, a console session) drives a call.
 */
public final class CallSimulator {
  /** Requests the server may cause in one turn (between two acts of the caller) by default. */
  public static final int DEFAULT_STEP_LIMIT = 25;

  private static final String APPLICATION_ERROR =
      "We are sorry, an application error has occurred. Goodbye.";

  private final Webhooks http;
  private final Map<String, String> call;
  private final URI statusCallback;
  private final int stepLimit;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final List<Heard> heard = new ArrayList<>();
  private final List<Text> texts = new ArrayList<>();
  private final Deque<Element> verbs = new ArrayDeque<>();

  private URI document;
  private String callStatus = "ringing";
  private Listening listening;
  private Element listeningTo;
  // the verb whose nested verbs are being performed ("Gather"), or empty
  private String within = "";
  private Queued queued;
  private boolean ended;
  private String endedBecause = "";
  private Exchange statusCallbackExchange;
  private int seconds;
  private int turn;
  // a Media Stream in progress (<Connect><Stream>), its Connect, the call's seconds at its start
  private MediaLeg stream;
  private Element streamConnect;
  private int streamStarted;

  // a ConversationRelay session in progress: Twilio's end of its socket, its Connect, its start
  private SocketLeg relay;
  // the reply the relay is streaming, so far (read from other threads while the caller waits)
  private volatile String replying = "";
  private Element relayConnect;
  private String relaySession;
  private int relayStarted;

  /**
   * How long the relay is given to answer at all, for its next message, for a streamed reply's next
   * piece.
   */
  private static final long FIRST_REPLY_MILLIS = 300;

  private static final long NEXT_REPLY_MILLIS = 100;
  private static final long NEXT_TOKEN_MILLIS = 5000;

  /** Where an Enqueue left the call's own document while it waits in the queue. */
  private record Queued(Element enqueue, URI document, List<Element> after, int since) {}

  /**
   * A call whose first request goes to {@code url} with {@code method}, carrying {@code call} (the
   * parameters of every request: {@code CallSid}, {@code From}, {@code To} …; {@code CallStatus} is
   * the simulator's), and whose status callback goes to {@code statusCallback} ({@code null}:
   * none).
   */
  public CallSimulator(Webhooks http, Map<String, String> call, URI statusCallback, int stepLimit) {
    this.http = http;
    this.call = new LinkedHashMap<>(call);
    this.statusCallback = statusCallback;
    this.stepLimit = stepLimit;
  }

  /** Rings the server: the first request, then every verb up to the first wait or the end. */
  public CallSimulator start(URI url, String method) {
    if (!exchanges.isEmpty()) {
      throw new IllegalStateException("the call has already started");
    }
    fetch(url, method, Map.of());
    run();
    return this;
  }

  // ---- what the caller or the world does ----

  /**
   * The caller presses {@code keys} while a Gather listens for them, in a relay session, or during
   * a Media Stream.
   */
  public void press(String keys) {
    if (atRelay()) {
      relayPress(keys);
      return;
    }
    if (at("Stream")) {
      streamPress(keys);
      return;
    }
    Element gather = expect("Gather", "press keys");
    if (!listening.acceptsKeys()) {
      throw new IllegalStateException(
          "the Gather does not listen for keys (input=\"" + gather.getAttribute("input") + "\")");
    }
    String digits = keys;
    String finish = Twiml.attribute(gather, "finishOnKey", "#");
    int at = finish.isEmpty() ? -1 : digits.indexOf(finish.charAt(0));
    if (at >= 0) {
      digits = digits.substring(0, at);
    }
    int most = Twiml.number(gather, "numDigits", Integer.MAX_VALUE);
    if (digits.length() > most) {
      digits = digits.substring(0, most);
    }
    if (digits.isEmpty()) {
      nothingGathered(gather);
      return;
    }
    gathered(gather, Map.of("Digits", digits));
  }

  /**
   * The caller says {@code words} while a Gather listens for speech, recognized with {@code
   * confidence}; in a ConversationRelay session, {@link #relaySay}.
   */
  public void speak(String words, double confidence) {
    if (atRelay()) {
      relaySay(words);
      return;
    }
    Element gather = expect("Gather", "speak");
    if (!listening.acceptsSpeech()) {
      throw new IllegalStateException(
          "the Gather does not listen for speech (input=\""
              + Twiml.attribute(gather, "input", "dtmf")
              + "\")");
    }
    seconds += 1;
    gathered(gather, Map.of("SpeechResult", words, "Confidence", String.valueOf(confidence)));
  }

  /**
   * The caller stays silent: a Gather times out (its action is requested only when {@code
   * actionOnEmptyResult} is true, else the call goes on with the verb after it), or a Record hears
   * nothing (the call goes on after it).
   */
  public void silence() {
    if (listening != null && listening.verb().equals("Record")) {
      Element record = expect("Record", "stay silent");
      seconds += Twiml.number(record, "timeout", 5);
      resume();
      return;
    }
    nothingGathered(expect("Gather", "stay silent"));
  }

  /**
   * The caller says {@code words} to a ConversationRelay session: Twilio's {@code prompt} (final,
   * {@code lang} of the session), then what the server answers, until it is quiet: its texts (a
   * reply's tokens joined) heard as {@link Heard.Kind#TEXT}, plays as {@code PLAY}, digits and
   * language switches as {@code OTHER}; an {@code end} ends the session and Twilio requests the
   * Connect's action with {@code SessionId}, {@code SessionStatus=ended}, {@code SessionDuration}
   * and {@code HandoffData}.
   */
  public void relaySay(String words) {
    relaySay(words, 0);
  }

  /**
   * As {@link #relaySay}, and the caller cuts the reply in once {@code afterTokens} of its tokens
   * came: what was said of it so far is heard, then Twilio sends {@code interrupt} ({@code
   * utteranceUntilInterrupt}, {@code durationUntilInterruptMs}) and the session's answer to it is
   * read.
   */
  public void relaySayAndCutIn(String words, int afterTokens) {
    if (afterTokens < 1) {
      throw new IllegalArgumentException("cut in after 1 token or more, not " + afterTokens);
    }
    relaySay(words, afterTokens);
  }

  private void relaySay(String words, int cutInAfter) {
    expect("ConversationRelay", "speak to the ConversationRelay session");
    seconds += 1;
    relay.send(
        new JsonText()
            .string("type", "prompt")
            .string("voicePrompt", words)
            .string("lang", Twiml.attribute(listeningTo, "language", "en-US"))
            .raw("last", "true")
            .toString());
    listenToRelay(cutInAfter);
  }

  private boolean atRelay() {
    return at("ConversationRelay");
  }

  private boolean at(String verb) {
    return listening != null && listening.verb().equals(verb);
  }

  /** The caller presses {@code keys} in a ConversationRelay session: a {@code dtmf} each. */
  public void relayPress(String keys) {
    expect("ConversationRelay", "press keys in the ConversationRelay session");
    for (char key : keys.toCharArray()) {
      relay.send(
          new JsonText().string("type", "dtmf").string("digit", String.valueOf(key)).toString());
    }
    listenToRelay(0);
  }

  /**
   * The dialed party's outcome: {@code completed} (answered and talked {@code talked} seconds),
   * {@code busy}, {@code no-answer}, {@code failed} or {@code canceled}. Posted to the Dial's
   * action as {@code DialCallStatus}, {@code DialCallDuration} and {@code DialCallSid}; without an
   * action the call goes on with the verb after the Dial.
   */
  public void dialOutcome(String dialCallStatus, int talked) {
    Element dial = expect("Dial", "end the dialed call");
    Map<String, String> outcome = new LinkedHashMap<>();
    outcome.put("DialCallStatus", dialCallStatus);
    outcome.put("DialCallSid", Sids.next("CA"));
    if (dialCallStatus.equals("completed")) {
      outcome.put("DialCallDuration", String.valueOf(talked));
      seconds += talked;
    } else {
      seconds += Math.min(Twiml.number(dial, "timeout", 30), 30);
    }
    actionOrResume(dial, outcome);
  }

  /**
   * The caller speaks for {@code recorded} seconds into a Record and ends it with {@code finishKey}
   * ({@code null}: by silence). Posted to the Record's action (default: the document's URL) as
   * {@code RecordingUrl}, {@code RecordingSid}, {@code RecordingDuration} and {@code Digits}.
   */
  public void record(int recorded, String finishKey) {
    Element record = expect("Record", "record");
    seconds += recorded;
    submit(record, recording(recorded, finishKey == null ? "" : finishKey));
  }

  /**
   * A queued caller is taken by an agent and talks {@code talked} seconds; the Enqueue's action is
   * told.
   */
  public void bridged(int talked) {
    expect("Enqueue", "be bridged");
    seconds += talked;
    leaveQueue("bridged");
  }

  /**
   * The caller hangs up. A Record in progress is still posted (with {@code Digits=hangup}), a
   * queue's action learns {@code QueueResult=hangup}, as Twilio does; what they answer is not
   * followed. Does nothing when the call has ended.
   */
  public void hangUp() {
    if (ended) {
      return;
    }
    turn = 0;
    closeRelay();
    if (listening != null && listening.verb().equals("Record")) {
      Element record = listeningTo;
      URI action = action(record);
      requestOnly(action, method(record), recording(1, "hangup"));
    } else if (queued != null && !Twiml.attribute(queued.enqueue(), "action", "").isEmpty()) {
      requestOnly(action(queued.enqueue()), method(queued.enqueue()), queueResult("hangup"));
    }
    end("completed", "the caller hung up");
  }

  // ---- what happened ----

  /** Every request made to the server and its answer, in order (not the status callback). */
  public List<Exchange> exchanges() {
    return Collections.unmodifiableList(exchanges);
  }

  /** Everything heard and done on the call, in order. */
  public List<Heard> heard() {
    return Collections.unmodifiableList(heard);
  }

  /** Texts the call's TwiML sent ({@code Message}, {@code Sms}), in order. */
  public List<Text> texts() {
    return Collections.unmodifiableList(texts);
  }

  /** What the call waits for, or {@code null} when it has ended. */
  public Listening listening() {
    return listening;
  }

  /** Whether the call has ended. */
  public boolean ended() {
    return ended;
  }

  /** Why the call ended ("Hangup", "the document ended", "the caller hung up" …), or empty. */
  public String endedBecause() {
    return endedBecause;
  }

  /** The call's status: ringing, in-progress, then completed, busy, no-answer or failed. */
  public String callStatus() {
    return callStatus;
  }

  /**
   * What a ConversationRelay session has said so far of a reply it is still streaming (its tokens
   * joined), empty when none is; safe to read from another thread while the caller's act waits for
   * the reply (the console shows the tokens as they come).
   */
  public String replyingNow() {
    return replying;
  }

  /** The call's simulated duration so far, in seconds. */
  public int seconds() {
    return seconds;
  }

  /** The status callback's request and answer, or {@code null} (none configured, or not ended). */
  public Exchange statusCallback() {
    return statusCallbackExchange;
  }

  /** The parameters every request of this call carries. */
  public Map<String, String> parameters() {
    return Collections.unmodifiableMap(call);
  }

  // ---- following TwiML ----

  private void run() {
    while (!ended && listening == null) {
      Element verb = verbs.poll();
      if (verb == null) {
        if (queued != null) {
          // the wait music ended: the caller stays in the queue
          wait(queued.enqueue(), Twiml.text(queued.enqueue()));
        } else {
          end("completed", "the document ended");
        }
        return;
      }
      perform(verb);
    }
  }

  private void perform(Element verb) {
    switch (verb.getTagName()) {
      case "Say" -> {
        for (int i = 0; i < loops(verb); i++) {
          hear(Heard.Kind.SAY, Twiml.text(verb));
        }
      }
      case "Play" -> {
        String digits = verb.getAttribute("digits");
        for (int i = 0; i < loops(verb); i++) {
          hear(Heard.Kind.PLAY, digits.isEmpty() ? Twiml.text(verb) : "digits " + digits);
        }
      }
      case "Pause" -> {
        int length = Twiml.number(verb, "length", 1);
        seconds += length - 1; // hear() adds the other second
        hear(Heard.Kind.PAUSE, String.valueOf(length));
      }
      case "Gather" -> {
        within = "Gather"; // the Gather listens while its prompts play
        try {
          for (Element child : Twiml.children(verb)) {
            perform(child);
          }
        } finally {
          within = "";
        }
        wait(verb, "");
      }
      case "Record" -> {
        hear(
            Heard.Kind.RECORD,
            Twiml.attribute(verb, "playBeep", "true").equals("false") ? "" : "beep");
        wait(verb, "");
      }
      case "Dial" -> {
        String target = dialed(verb);
        hear(Heard.Kind.DIAL, target);
        wait(verb, target);
      }
      case "Enqueue" -> enqueue(verb);
      case "Leave" -> {
        if (queued != null) {
          leaveQueue("leave");
        }
      }
      case "Redirect" -> fetch(resolve(Twiml.text(verb)), method(verb), Map.of());
      case "Hangup" -> end("completed", "Hangup");
      case "Reject" -> {
        // only a first verb keeps Twilio from answering; later, it ends an answered call
        boolean unanswered = exchanges.size() == 1 && heard.isEmpty();
        String reason = Twiml.attribute(verb, "reason", "rejected");
        end(unanswered ? (reason.equals("busy") ? "busy" : "no-answer") : "completed", "Reject");
      }
      case "Connect" -> {
        Element noun = Twiml.children(verb).stream().findFirst().orElse(null);
        String name = noun == null ? "" : noun.getTagName();
        switch (name) {
          case "ConversationRelay" -> startRelay(verb, noun);
          case "Stream" -> startStream(verb, noun);
          default -> hear(Heard.Kind.OTHER, "Connect");
        }
      }
      case "Message", "Sms" -> {
        Text text = Twiml.message(verb, call.get("From"), call.get("To"));
        texts.add(text);
        hear(Heard.Kind.MESSAGE, text.body());
      }
      default -> hear(Heard.Kind.OTHER, verb.getTagName());
    }
  }

  /** Twilio's side of {@code <Connect><ConversationRelay>}: greets, connects, sends the setup. */
  private void startRelay(Element connect, Element session) {
    String greeting = session.getAttribute("welcomeGreeting");
    if (!greeting.isEmpty()) {
      hear(Heard.Kind.SAY, greeting);
    }
    URI url = URI.create(session.getAttribute("url").trim());
    relay = SocketLeg.open(http, url);
    relayConnect = connect;
    relaySession = Sids.next("VX");
    relayStarted = seconds;
    JsonText custom = new JsonText();
    for (Element parameter : Twiml.children(session)) {
      if (parameter.getTagName().equals("Parameter")) {
        custom.string(parameter.getAttribute("name"), parameter.getAttribute("value"));
      }
    }
    relay.send(
        new JsonText()
            .string("type", "setup")
            .string("sessionId", relaySession)
            .string("accountSid", call.getOrDefault("AccountSid", ""))
            .string("parentCallSid", "")
            .string("callSid", call.getOrDefault("CallSid", ""))
            .string("from", call.getOrDefault("From", ""))
            .string("to", call.getOrDefault("To", ""))
            .string("forwardedFrom", call.getOrDefault("ForwardedFrom", ""))
            .string("callType", "PSTN")
            .string("callerName", call.getOrDefault("CallerName", ""))
            .string("direction", call.getOrDefault("Direction", "inbound"))
            .string("callStatus", "IN-PROGRESS")
            .raw("customParameters", custom.toString())
            .toString());
    listeningTo = session;
    listening = new Listening("ConversationRelay", Twiml.attributes(session), url.toString());
    listenToRelay(0);
  }

  /**
   * What the relay session says, until it is quiet or ends; the caller cuts a reply in after {@code
   * cutInAfter} tokens (0: never).
   */
  private void listenToRelay(int cutInAfter) {
    try {
      listenToRelay(cutInAfter, new StringBuilder());
    } finally {
      replying = "";
    }
  }

  private void listenToRelay(int cutInAfter, StringBuilder reply) {
    boolean speaking = false;
    boolean answered = false;
    int tokens = 0;
    while (relay != null) {
      Map<String, String> message =
          relay.poll(
              speaking ? NEXT_TOKEN_MILLIS : answered ? NEXT_REPLY_MILLIS : FIRST_REPLY_MILLIS);
      if (message == null) {
        if (reply.length() > 0) {
          hear(Heard.Kind.TEXT, reply.toString()); // what it got out before it stopped
        }
        return;
      }
      if (message == SocketLeg.CLOSED) { // no end: Twilio cannot go on, and ends the call
        hear(Heard.Kind.ERROR, "the relay closed its socket without an end message");
        end("completed", "the relay's socket closed");
        return;
      }
      answered = true;
      switch (message.getOrDefault("type", "")) {
        case "text" -> {
          reply.append(message.getOrDefault("token", ""));
          tokens++;
          speaking = !"true".equals(message.get("last"));
          replying = speaking ? reply.toString() : "";
          if (!speaking) {
            hear(Heard.Kind.TEXT, reply.toString());
            reply.setLength(0);
            tokens = 0;
          } else if (tokens == cutInAfter) {
            hear(Heard.Kind.TEXT, reply.toString().strip());
            hear(Heard.Kind.OTHER, "interrupt");
            relay.send(
                new JsonText()
                    .string("type", "interrupt")
                    .string("utteranceUntilInterrupt", reply.toString().strip())
                    .number("durationUntilInterruptMs", 500L * tokens)
                    .toString());
            reply.setLength(0);
            tokens = 0;
            speaking = false;
            answered = false; // the answer to the interrupt, from now
            cutInAfter = 0;
          }
        }
        case "play" -> hear(Heard.Kind.PLAY, message.get("source"));
        case "sendDigits" -> hear(Heard.Kind.OTHER, "sendDigits " + message.get("digits"));
        case "language" ->
            hear(
                Heard.Kind.OTHER,
                "language "
                    + message.getOrDefault("ttsLanguage", "-")
                    + " "
                    + message.getOrDefault("transcriptionLanguage", "-"));
        case "end" -> {
          endRelay(message.get("handoffData"));
          return;
        }
        default ->
            hear(
                Heard.Kind.ERROR,
                "a message Twilio refuses (64107), the session goes on: " + message);
      }
    }
  }

  /** The server ended the session: the socket closes and the Connect's action is requested. */
  private void endRelay(String handoffData) {
    Element connect = closeRelay();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("SessionId", relaySession);
    params.put("SessionStatus", "ended");
    params.put("SessionDuration", String.valueOf(seconds - relayStarted));
    if (handoffData != null) {
      params.put("HandoffData", handoffData);
    }
    listening = null;
    actionOrResume(connect, params);
  }

  /** Twilio's side of {@code <Connect><Stream>}: connects, starts, hears what the server sends. */
  private void startStream(Element connect, Element noun) {
    stream = MediaLeg.start(http, noun, call);
    streamConnect = connect;
    streamStarted = seconds;
    listeningTo = noun;
    listening = new Listening("Stream", Twiml.attributes(noun), noun.getAttribute("url").trim());
    listenToStream();
  }

  /**
   * The caller's audio into a Media Stream ({@code <Connect><Stream>}): μ-law 8 kHz, sent as
   * Twilio's 20 ms {@code media} frames; then what the server sends until it is quiet: its audio
   * heard as {@link Heard.Kind#AUDIO}, its marks as {@code MARK} (each sent back, as Twilio does
   * once playback reaches it), a {@code clear} as {@code OTHER}. If the server closes the socket,
   * the stream is over and Twilio requests the Connect's action (or goes on after it).
   */
  public void streamAudio(byte[] mulaw) {
    expect("Stream", "send audio to the Media Stream");
    stream.audio(mulaw);
    listenToStream();
  }

  /** The caller presses {@code keys} during a Media Stream: a {@code dtmf} each. */
  public void streamPress(String keys) {
    expect("Stream", "press keys during the Media Stream");
    stream.press(keys);
    listenToStream();
  }

  private void listenToStream() {
    boolean closed = stream.listen(FIRST_REPLY_MILLIS, NEXT_REPLY_MILLIS, this::hear);
    seconds = streamStarted + (int) (stream.millis() / 1000);
    if (closed) {
      Element connect = streamConnect;
      stream.close();
      stream = null;
      streamConnect = null;
      listening = null;
      actionOrResume(connect, Map.of());
    }
  }

  private Element closeRelay() {
    Element connect = relayConnect;
    if (relay != null) {
      relay.close();
    }
    relay = null;
    relayConnect = null;
    return connect;
  }

  private void enqueue(Element enqueue) {
    String queue = Twiml.text(enqueue);
    hear(Heard.Kind.ENQUEUE, queue);
    queued = new Queued(enqueue, document, new ArrayList<>(verbs), seconds);
    verbs.clear();
    String waitUrl = enqueue.getAttribute("waitUrl");
    if (waitUrl.isEmpty()) {
      wait(enqueue, queue); // Twilio's hold music
      return;
    }
    Map<String, String> position = new LinkedHashMap<>(queueResult(null));
    position.put("QueuePosition", "1");
    position.put("CurrentQueueSize", "1");
    position.put("AvgQueueTime", "0");
    fetch(resolve(waitUrl), Twiml.attribute(enqueue, "waitUrlMethod", "POST"), position);
  }

  private void leaveQueue(String result) {
    Queued left = queued;
    queued = null;
    listening = null;
    document = left.document();
    verbs.clear();
    verbs.addAll(left.after());
    actionOrResume(left.enqueue(), queueResult(result, left));
  }

  private Map<String, String> queueResult(String result) {
    return queueResult(result, queued);
  }

  private Map<String, String> queueResult(String result, Queued in) {
    Map<String, String> params = new LinkedHashMap<>();
    if (result != null) {
      params.put("QueueResult", result);
    }
    params.put("QueueSid", Sids.named("QU", Twiml.text(in.enqueue())));
    params.put("QueueTime", String.valueOf(seconds - in.since()));
    return params;
  }

  private static String dialed(Element dial) {
    List<Element> nouns = Twiml.children(dial);
    if (nouns.isEmpty()) {
      return Twiml.text(dial);
    }
    List<String> targets = new ArrayList<>();
    for (Element noun : nouns) {
      targets.add(noun.getTagName() + " " + Twiml.text(noun));
    }
    return String.join(", ", targets);
  }

  private Map<String, String> recording(int recorded, String digits) {
    Map<String, String> params = new LinkedHashMap<>();
    String sid = Sids.next("RE");
    params.put(
        "RecordingUrl",
        "https://api.twilio.com/2010-04-01/Accounts/"
            + call.getOrDefault("AccountSid", "")
            + "/Recordings/"
            + sid);
    params.put("RecordingSid", sid);
    params.put("RecordingDuration", String.valueOf(recorded));
    if (!digits.isEmpty()) {
      params.put("Digits", digits);
    }
    return params;
  }

  // ---- waiting and going on ----

  private void wait(Element verb, String target) {
    listeningTo = verb;
    listening = new Listening(verb.getTagName(), Twiml.attributes(verb), target);
  }

  private Element expect(String verb, String act) {
    if (ended) {
      throw new IllegalStateException(
          "cannot " + act + ": the call has ended (" + endedBecause + ")");
    }
    if (listening == null || !listening.verb().equals(verb)) {
      throw new IllegalStateException(
          "cannot " + act + ": the call is not at a " + verb + " but at " + listening);
    }
    turn = 0;
    return listeningTo;
  }

  private void nothingGathered(Element gather) {
    seconds += Twiml.number(gather, "timeout", 5);
    if (Twiml.attribute(gather, "actionOnEmptyResult", "false").equals("true")) {
      submit(gather, Map.of());
    } else {
      resume();
    }
  }

  private void gathered(Element gather, Map<String, String> input) {
    submit(gather, input);
  }

  /** Posts to the verb's action (default: this document) and follows the answer. */
  private void submit(Element verb, Map<String, String> params) {
    listening = null;
    fetch(action(verb), method(verb), params);
    run();
  }

  /** Posts to the verb's action if it has one; else goes on with the verb after it. */
  private void actionOrResume(Element verb, Map<String, String> params) {
    if (verb.getAttribute("action").isEmpty()) {
      resume();
    } else {
      submit(verb, params);
    }
  }

  private void resume() {
    listening = null;
    run();
  }

  private URI action(Element verb) {
    String action = verb.getAttribute("action");
    return action.isEmpty() ? document : resolve(action);
  }

  private static String method(Element verb) {
    return Twiml.attribute(verb, "method", "POST");
  }

  private URI resolve(String url) {
    return document.resolve(url.trim());
  }

  private static int loops(Element verb) {
    int loop = Twiml.number(verb, "loop", 1);
    return loop <= 0 ? 1 : Math.min(loop, 10); // 0 = until hang-up: once is enough to hear it
  }

  private void hear(Heard.Kind kind, String text) {
    if (kind == Heard.Kind.SAY
        || kind == Heard.Kind.TEXT
        || kind == Heard.Kind.PLAY
        || kind == Heard.Kind.PAUSE) {
      seconds += 1;
    }
    heard.add(new Heard(kind, text, exchanges.size() - 1, within));
  }

  // ---- requests ----

  private void fetch(URI url, String method, Map<String, String> extra) {
    if (++turn > stepLimit) {
      end("failed", "step limit");
      throw new IllegalStateException(
          "the server made the call request "
              + stepLimit
              + " documents without waiting for the caller (a Redirect loop?); the last: "
              + exchanges.get(exchanges.size() - 1));
    }
    Exchange answer = http.send(method, url, parameters(extra));
    exchanges.add(answer);
    callStatus = "in-progress";
    document = url;
    verbs.clear();
    try {
      verbs.addAll(Twiml.verbs(answer, "Say"));
    } catch (Twiml.Unusable e) {
      hear(Heard.Kind.ERROR, e.getMessage());
      hear(Heard.Kind.SAY, APPLICATION_ERROR);
      end("completed", "application error " + e.getMessage());
    }
  }

  /** A request whose answer Twilio does not follow (the call is ending). */
  private void requestOnly(URI url, String method, Map<String, String> extra) {
    exchanges.add(http.send(method, url, parameters(extra)));
  }

  private Map<String, String> parameters(Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>(call);
    params.put("CallStatus", callStatus);
    params.putAll(extra);
    return params;
  }

  private void end(String status, String because) {
    if (ended) {
      return;
    }
    closeRelay();
    if (stream != null) {
      stream.stop(); // the caller hung up (or the call ended otherwise): Twilio says stop
      stream = null;
    }
    ended = true;
    listening = null;
    listeningTo = null;
    queued = null;
    verbs.clear();
    callStatus = status;
    endedBecause = because;
    if (statusCallback != null) {
      Map<String, String> params = parameters(Map.of());
      params.put("CallDuration", String.valueOf(seconds));
      params.put("Duration", String.valueOf((seconds + 59) / 60));
      params.put("CallbackSource", "call-progress-events");
      params.put("SequenceNumber", "0");
      params.put(
          "Timestamp",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
      statusCallbackExchange = http.send("POST", statusCallback, params);
    }
  }
}
