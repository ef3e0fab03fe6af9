package io.picolabs.twilio.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.rules.RuleEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A session's order, streamed replies and interrupts, with rules as plain functions. */
class RelaySessionTest {
  private final List<String> sent = new ArrayList<>();
  private final List<RuleEvent> raised = new ArrayList<>();
  private Function<RuleEvent, List<Outgoing>> rules = event -> List.of();

  private final RelaySession session =
      new RelaySession(
          "probe",
          sent::add,
          "https://voice.example.com",
          (event, origin) -> {
            raised.add(event);
            return rules.apply(event);
          });

  private static Outgoing say(String text) {
    return new Outgoing.Message(RelayReplies.textJson(text, true));
  }

  private static String said(String text, boolean last) {
    return RelayReplies.textJson(text, last);
  }

  @Test
  void eachMessageIsAnEventAndItsRepliesGoOutInOrder() {
    rules = event -> List.of(say(event.type() + " 1"), say(event.type() + " 2"));
    session.receive("{\"type\":\"setup\",\"callSid\":\"CA1\",\"from\":\"+1\"}");
    session.receive("not json");
    session.receive("{\"type\":\"\"}");
    session.receive("{\"type\":\"prompt\",\"voicePrompt\":\"hi\",\"last\":true}");
    assertEquals(
        List.of(
            said("probe_setup 1", true),
            said("probe_setup 2", true),
            said("probe_prompt 1", true),
            said("probe_prompt 2", true)),
        sent);
    assertEquals("CA1", raised.get(1).attr("callSid"));
    assertEquals("hi", raised.get(1).attr("voicePrompt"));
  }

  @Test
  void aStreamedReplyHoldsWhatComesAfterItUntilItFinishes() {
    StreamedReply stream = new StreamedReply();
    assertTrue(stream.token("made "), "made before its rule returned: waits");
    rules =
        event ->
            event.type().equals("probe_prompt")
                ? List.of(say("first"), stream, say("after the stream"))
                : List.of(say("next message"));
    session.receive("{\"type\":\"prompt\",\"voicePrompt\":\"tell me\"}");
    assertTrue(stream.token("while "));
    session.receive("{\"type\":\"dtmf\",\"digit\":\"1\"}");
    assertEquals(List.of(said("first", true), said("made ", false), said("while ", false)), sent);
    stream.finish("spoken");
    assertEquals(
        List.of(
            said("first", true),
            said("made ", false),
            said("while ", false),
            said("spoken", true),
            said("after the stream", true),
            said("next message", true)),
        sent);
  }

  @Test
  void anInterruptCancelsTheReplyAndDropsWhatWaitedBehindIt() {
    StreamedReply stream = new StreamedReply();
    AtomicInteger told = new AtomicInteger();
    stream.onCancel(told::incrementAndGet);
    rules =
        event ->
            switch (event.type()) {
              case "probe_prompt" -> List.of(stream, say("never said"));
              case "probe_interrupt" ->
                  List.of(say("heard at " + event.attr("durationUntilInterruptMs")));
              default -> List.of();
            };
    session.receive("{\"type\":\"prompt\",\"voicePrompt\":\"tell me a story\"}");
    stream.token("Once upon ");
    session.receive(
        "{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"Once\",\"durationUntilInterruptMs\":460}");
    assertFalse(stream.token("a time"), "cancelled");
    stream.finish("the end");
    assertTrue(stream.cancelled());
    assertEquals(1, told.get());
    assertEquals(List.of(said("Once upon ", false), said("heard at 460", true)), sent);
  }

  @Test
  void rulesThatCannotRunSendNothingAndTheSessionGoesOn() {
    rules =
        event -> {
          if (event.attr("voicePrompt").equals("boom")) {
            throw new IllegalStateException("the database is gone");
          }
          return List.of(say("fine"));
        };
    session.receive("{\"type\":\"prompt\",\"voicePrompt\":\"boom\"}");
    session.receive("{\"type\":\"prompt\",\"voicePrompt\":\"again\"}");
    assertEquals(List.of(said("fine", true)), sent);
  }

  @Test
  void aSocketThatFailsIsClosedForGood() {
    List<String> tried = new ArrayList<>();
    RelaySession broken =
        new RelaySession(
            "probe",
            text -> {
              tried.add(text);
              throw new IOException("broken pipe");
            },
            null,
            (event, origin) -> List.of(say("a"), say("b")));
    broken.receive("{\"type\":\"prompt\",\"voicePrompt\":\"x\"}");
    broken.receive("{\"type\":\"prompt\",\"voicePrompt\":\"y\"}");
    assertEquals(List.of(said("a", true)), tried);
  }

  @Test
  void closingCancelsTheReplyBeingMade() {
    StreamedReply stream = new StreamedReply();
    rules = event -> List.of(stream);
    session.receive("{\"type\":\"prompt\",\"voicePrompt\":\"go on\"}");
    session.close();
    assertTrue(stream.cancelled());
    assertFalse(stream.token("lost"));
    assertEquals(List.of(), sent);
  }
}
