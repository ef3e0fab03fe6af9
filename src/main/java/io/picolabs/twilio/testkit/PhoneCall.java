package io.picolabs.twilio.testkit;

import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A call in a conversation test: each expectation checks what the caller heard next, each act
 * ({@link #press}, {@link #says}, {@link #staysSilent} …) answers what the call waits for. A failed
 * expectation says what was heard instead and shows the TwiML of the step. Each expectation takes
 * what it heard; {@link #hangsUp} fails if something said or played was never taken.
 *
 * <p>Closing it hangs up if the call is still going, and checks that the server accepted the call's
 * status callback.
 */
public final class PhoneCall implements AutoCloseable {
  private final CallSimulator call;
  // the transcript up to here has been looked through (expectations take what follows)
  private int checked;
  // the items of the transcript an expectation took: heard by the test
  private final BitSet taken = new BitSet();

  PhoneCall(CallSimulator call) {
    this.call = call;
  }

  // ---- what the caller hears ----

  /**
   * The next thing said is {@code words} (plays, pauses and other verbs in between are passed
   * over).
   */
  public PhoneCall hears(String words) {
    return next(Heard.Kind.SAY, words, "hear \"" + words + "\"");
  }

  /**
   * The next reply of a ConversationRelay session is {@code words} (its tokens joined; what was
   * said, played or done in between is passed over).
   *
   * <pre>{@code
   * call.hears("Hello! What is your favorite number?")
   *     .says("I think seven")
   *     .hearsText("Your favorite number is 7.");
   * }</pre>
   */
  public PhoneCall hearsText(String words) {
    return next(Heard.Kind.TEXT, words, "hear the relay say \"" + words + "\"");
  }

  /**
   * The next audio a Media Stream sent is {@code mulaw} (consecutive frames joined; what came in
   * between them is passed over).
   */
  public PhoneCall hearsAudio(byte[] mulaw) {
    return next(
        Heard.Kind.AUDIO,
        Base64.getEncoder().encodeToString(mulaw),
        "hear " + mulaw.length + " bytes of audio from the stream");
  }

  /** The next mark a Media Stream sent is {@code name}. */
  public PhoneCall hearsMark(String name) {
    return next(Heard.Kind.MARK, name, "hear the stream's mark \"" + name + "\"");
  }

  /** The next thing played is {@code url} ({@code "digits 1234"} for played digits). */
  public PhoneCall hearsPlay(String url) {
    return next(Heard.Kind.PLAY, url, "hear the play of " + url);
  }

  /**
   * The next thing said is {@code words}, said inside a {@code Gather}: a prompt, heard while the
   * Gather listens, so that the caller can answer as soon as they hear it. Words said before the
   * Gather (or after it) fail this, saying where they were heard.
   *
   * <pre>{@code
   * call.hears("Hello Big Bird").hearsPrompt("What is your favorite number?").press("7");
   * }</pre>
   */
  public PhoneCall hearsPrompt(String words) {
    return prompt(Heard.Kind.SAY, words, "hear \"" + words + "\"");
  }

  /**
   * The next thing played is {@code url}, played inside a {@code Gather} (see {@link
   * #hearsPrompt}).
   */
  public PhoneCall hearsPromptPlay(String url) {
    return prompt(Heard.Kind.PLAY, url, "hear the play of " + url);
  }

  /** The next text the call's TwiML sends has the body {@code body}. */
  public PhoneCall receivesText(String body) {
    return next(Heard.Kind.MESSAGE, body, "receive the text \"" + body + "\"");
  }

  /**
   * The call dials {@code target} now (a number, or {@code "Queue support"}, {@code "Client alice"}
   * …).
   */
  public PhoneCall dials(String target) {
    next(Heard.Kind.DIAL, null, "dial " + target);
    if (!call.heard().get(checked - 1).text().contains(target)) {
      fail("expected the call to dial " + target);
    }
    return waitingAt("Dial", "dial " + target);
  }

  /** The call puts the caller in the queue {@code queue} now. */
  public PhoneCall isQueuedIn(String queue) {
    return next(Heard.Kind.ENQUEUE, queue, "wait in the queue " + queue);
  }

  // ---- what the caller (or the world) does ----

  /**
   * The caller presses {@code keys} at a Gather, in a ConversationRelay session, or during a Media
   * Stream.
   */
  public PhoneCall press(String keys) {
    if (atRelay()) {
      call.relayPress(keys);
      return this;
    }
    if (atStream()) {
      call.streamPress(keys);
      return this;
    }
    waitingAt("Gather", "press " + keys);
    if (!call.listening().acceptsKeys()) {
      fail("expected a Gather that listens for keys to press " + keys);
    }
    call.press(keys);
    return this;
  }

  /**
   * The caller says {@code words} at a Gather that listens for speech (confidence 0.9), or in a
   * ConversationRelay session (a prompt; then what the session answers).
   */
  public PhoneCall says(String words) {
    if (atRelay()) {
      call.relaySay(words);
      return this;
    }
    waitingAt("Gather", "say \"" + words + "\"");
    if (!call.listening().acceptsSpeech()) {
      fail("expected a Gather that listens for speech to say \"" + words + "\"");
    }
    call.speak(words, 0.9);
    return this;
  }

  /**
   * In a ConversationRelay session, the caller says {@code words} and cuts the reply in after
   * {@code afterTokens} of its tokens (barge-in): what was said of it is heard as a {@link
   * #hearsText text}, then the session's answer to Twilio's {@code interrupt}.
   *
   * <pre>{@code
   * call.saysAndCutsIn("Tell me a story", 2).hearsText("Once upon").hearsText("Sorry, go ahead.");
   * }</pre>
   */
  public PhoneCall saysAndCutsIn(String words, int afterTokens) {
    if (!atRelay()) {
      waitingAt("ConversationRelay", "say \"" + words + "\" and cut in");
    }
    call.relaySayAndCutIn(words, afterTokens);
    return this;
  }

  /**
   * The caller's audio, μ-law 8 kHz, into a Media Stream ({@code <Connect><Stream>}), sent as
   * Twilio's 20 ms frames; then what the stream sends back is heard ({@link #hearsAudio}, {@link
   * #hearsMark}).
   *
   * <pre>{@code
   * call.sendsAudio(hello).hearsAudio(hello);
   * }</pre>
   */
  public PhoneCall sendsAudio(byte[] mulaw) {
    if (!atStream()) {
      waitingAt("Stream", "send audio");
    }
    call.streamAudio(mulaw);
    return this;
  }

  /** The caller says nothing: the Gather times out (or the Record hears nothing). */
  public PhoneCall staysSilent() {
    if (call.listening() == null || !call.listening().verb().equals("Record")) {
      waitingAt("Gather", "stay silent");
    }
    call.silence();
    return this;
  }

  /** The dialed party answers and talks {@code seconds}. */
  public PhoneCall answeredFor(int seconds) {
    waitingAt("Dial", "be answered");
    call.dialOutcome("completed", seconds);
    return this;
  }

  /** The dialed party is busy. */
  public PhoneCall busy() {
    return dialEnds("busy");
  }

  /** The dialed party does not answer. */
  public PhoneCall noAnswer() {
    return dialEnds("no-answer");
  }

  /** The dialed call fails. */
  public PhoneCall failed() {
    return dialEnds("failed");
  }

  /** The caller speaks {@code seconds} into a Record, then presses {@code finishKey}. */
  public PhoneCall records(int seconds, String finishKey) {
    waitingAt("Record", "record");
    call.record(seconds, finishKey);
    return this;
  }

  /** An agent takes the queued caller and they talk {@code seconds}. */
  public PhoneCall bridgedFor(int seconds) {
    waitingAt("Enqueue", "be bridged");
    call.bridged(seconds);
    return this;
  }

  /** The caller hangs up. */
  public PhoneCall hangUp() {
    call.hangUp();
    return this;
  }

  // ---- how the call ended ----

  /**
   * The server ended the call ({@code Hangup}, or the end of its TwiML), and the test heard
   * everything said and played on it: words or audio no expectation took ({@link #hears}, {@link
   * #hearsPrompt}, {@link #hearsPlay} …) fail it, named, so that nothing the caller hears goes
   * untested.
   */
  public PhoneCall hangsUp() {
    if (!call.ended()
        || !(call.endedBecause().equals("Hangup")
            || call.endedBecause().equals("the document ended"))) {
      fail("expected the server to end the call");
    }
    List<Heard> heard = call.heard();
    int[] unheard =
        IntStream.range(0, heard.size())
            .filter(i -> !taken.get(i))
            .filter(
                i ->
                    heard.get(i).kind() == Heard.Kind.SAY || heard.get(i).kind() == Heard.Kind.PLAY)
            .toArray();
    if (unheard.length > 0) {
      fail(
          "the server ended the call, but the test did not hear "
              + IntStream.of(unheard)
                  .mapToObj(i -> heard.get(i).toString())
                  .collect(Collectors.joining(", ", "[", "]"))
              + " (expect it with hears, hearsPrompt or hearsPlay before hangsUp)",
          heard.get(unheard[0]).step());
    }
    return this;
  }

  /** The server rejected the call with {@code Reject}: status {@code busy} or {@code no-answer}. */
  public PhoneCall isRejected(String callStatus) {
    if (!call.endedBecause().equals("Reject") || !call.callStatus().equals(callStatus)) {
      fail("expected the call to be rejected as " + callStatus);
    }
    return this;
  }

  /** Everything heard and done on the call so far. */
  public List<Heard> transcript() {
    return call.heard();
  }

  /** The simulator under this call (its exchanges, status, duration). */
  public CallSimulator simulator() {
    return call;
  }

  /** Hangs up if the call is still going; fails if the server refused its status callback. */
  @Override
  public void close() {
    call.hangUp();
    Exchange callback = call.statusCallback();
    if (callback != null && !callback.ok()) {
      throw new AssertionError("the server refused the call's status callback: " + callback);
    }
  }

  // ---- checking ----

  private PhoneCall next(Heard.Kind kind, String text, String expectation) {
    find(kind, text, expectation);
    return this;
  }

  /** The next item of {@code kind}, which must be {@code text} and heard inside a Gather. */
  private PhoneCall prompt(Heard.Kind kind, String text, String expectation) {
    String inside = expectation + " inside the Gather that listens";
    int at = find(kind, text, inside);
    Heard item = call.heard().get(at);
    if (!item.inGather()) {
      checked = at; // the failure shows this step's TwiML
      Listening listening = call.listening();
      boolean before =
          listening != null
              && listening.verb().equals("Gather")
              && call.exchanges().size() - 1 == item.step(); // a Gather waits: nothing after it yet
      fail(
          "expected to "
              + inside
              + ", but it was said "
              + (before ? "before the Gather, not inside it" : "outside any Gather")
              + " (in step "
              + (item.step() + 1)
              + (before ? ", which then waits at " + listening : "")
              + ")");
    }
    return this;
  }

  /** Checks the next item of {@code kind} ({@code text}, unless null); returns its index. */
  private int find(Heard.Kind kind, String text, String expectation) {
    List<Heard> heard = call.heard();
    for (int i = checked; i < heard.size(); i++) {
      Heard item = heard.get(i);
      if (item.kind() == kind) {
        if (text != null && !text.equals(item.text())) {
          checked = i;
          fail("expected to " + expectation + " but heard " + item);
        }
        checked = i + 1;
        taken.set(i);
        return i;
      }
    }
    fail("expected to " + expectation + " but nothing more of that kind was heard");
    return -1;
  }

  private PhoneCall waitingAt(String verb, String act) {
    Listening listening = call.listening();
    if (listening == null || !listening.verb().equals(verb)) {
      fail("expected a " + verb + " to " + act);
    }
    return this;
  }

  private PhoneCall dialEnds(String status) {
    waitingAt("Dial", "end as " + status);
    call.dialOutcome(status, 0);
    return this;
  }

  private void fail(String expectation) {
    List<Heard> heard = call.heard();
    fail(expectation, checked < heard.size() ? heard.get(checked).step() : -1);
  }

  /** Fails with {@code expectation}, the transcript since the last check and step's TwiML. */
  private void fail(String expectation, int step) {
    StringBuilder message = new StringBuilder(expectation).append('\n');
    List<Heard> heard = call.heard();
    message
        .append("heard since the last check: ")
        .append(
            heard.subList(Math.min(checked, heard.size()), heard.size()).stream()
                .map(Heard::toString)
                .collect(Collectors.joining(", ", "[", "]")))
        .append('\n')
        .append("the call: ")
        .append(
            call.ended()
                ? "ended (" + call.endedBecause() + ", " + call.callStatus() + ")"
                : "waiting at " + call.listening())
        .append('\n');
    List<Exchange> exchanges = call.exchanges();
    if (!exchanges.isEmpty()) {
      if (step < 0 || step >= exchanges.size()) {
        step = exchanges.size() - 1;
      }
      message
          .append("TwiML of step ")
          .append(step + 1)
          .append(" of ")
          .append(exchanges.size())
          .append(", ")
          .append(exchanges.get(Math.max(step, 0)));
    }
    throw new AssertionError(message.toString());
  }

  private boolean atRelay() {
    return call.listening() != null && call.listening().verb().equals("ConversationRelay");
  }

  private boolean atStream() {
    return call.listening() != null && call.listening().verb().equals("Stream");
  }
}
