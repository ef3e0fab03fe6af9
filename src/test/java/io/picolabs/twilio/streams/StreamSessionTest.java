package io.picolabs.twilio.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.rules.MediaStream;
import io.picolabs.twilio.rules.RuleEvent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A Media Stream's events, frames and answers, with rules as plain functions. */
class StreamSessionTest {
  private static final String START =
      "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\","
          + "\"streamSid\":\"MZ1\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],"
          + "\"customParameters\":{\"From\":\"+18015550100\"},"
          + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},"
          + "\"streamSid\":\"MZ1\"}";

  private final List<String> sent = new ArrayList<>();
  private final List<RuleEvent> raised = new ArrayList<>();
  private int closed;
  private Function<RuleEvent, List<Consumer<StreamSession>>> rules = event -> List.of();
  private final StreamSession session =
      new StreamSession(
          "echo",
          sent::add,
          () -> closed++,
          null,
          (event, origin) -> {
            raised.add(event);
            return rules.apply(event);
          });

  private static String media(long chunk, long timestamp, byte... audio) {
    return "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"inbound\","
        + "\"chunk\":\""
        + chunk
        + "\",\"timestamp\":\""
        + timestamp
        + "\",\"payload\":\""
        + Base64.getEncoder().encodeToString(audio)
        + "\"},\"streamSid\":\"MZ1\"}";
  }

  @Test
  void startDtmfMarkAndStopAreEventsWithTheStartsFields() {
    session.receive("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
    session.receive(START);
    session.receive(
        "{\"event\":\"dtmf\",\"streamSid\":\"MZ1\",\"sequenceNumber\":\"5\","
            + "\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"1\"}}");
    session.receive(
        "{\"event\":\"mark\",\"sequenceNumber\":\"4\",\"streamSid\":\"MZ1\","
            + "\"mark\":{\"name\":\"second 1\"}}");
    session.receive(
        "{\"event\":\"stop\",\"sequenceNumber\":\"6\",\"streamSid\":\"MZ1\","
            + "\"stop\":{\"accountSid\":\"AC1\",\"callSid\":\"CA1\"}}");
    assertEquals(
        List.of("echo_start", "echo_dtmf", "echo_mark", "echo_stop"),
        raised.stream().map(RuleEvent::type).toList());
    RuleEvent dtmf = raised.get(1);
    assertEquals("1", dtmf.attr("digit"));
    assertEquals("CA1", dtmf.attr("callSid"));
    assertEquals("+18015550100", dtmf.attr("From"), "a custom parameter");
    assertEquals("inbound", raised.get(0).attr("tracks"));
    assertEquals("second 1", raised.get(2).attr("name"));
  }

  @Test
  void framesGoToTheListenerAndAudioMarksAndClearGoBack() {
    List<String> heard = new ArrayList<>();
    rules =
        event ->
            event.type().equals("echo_start")
                ? List.of(
                    s ->
                        s.listen(
                            (MediaStream.AudioFrame frame, MediaStream.AudioOut out) -> {
                              heard.add(frame.chunk() + "@" + frame.timestampMillis());
                              out.play(frame.mulaw());
                            }),
                    s -> s.mark("ready"))
                : List.of(StreamSession::clear);
    session.receive(media(1, 0, (byte) 0xFF)); // before start: no listener yet
    session.receive(START);
    session.receive(media(2, 20, (byte) 0x7F, (byte) 0x00));
    session.receive("{\"event\":\"dtmf\",\"streamSid\":\"MZ1\",\"dtmf\":{\"digit\":\"#\"}}");
    assertEquals(List.of("2@20"), heard);
    assertEquals(
        List.of(
            "{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"ready\"}}",
            "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"fwA=\"}}",
            "{\"event\":\"clear\",\"streamSid\":\"MZ1\"}"),
        sent);
  }

  @Test
  void aListenerThatFailsLosesItsFrameOnly() {
    List<Long> heard = new ArrayList<>();
    rules =
        event ->
            List.of(
                s ->
                    s.listen(
                        (frame, out) -> {
                          if (frame.chunk() == 2) {
                            throw new IllegalStateException("a bad frame");
                          }
                          heard.add(frame.chunk());
                        }));
    session.receive(START);
    session.receive(media(1, 0, (byte) 1));
    session.receive(media(2, 20, (byte) 2));
    session.receive("not json");
    session.receive(media(3, 40, (byte) 3));
    assertEquals(List.of(1L, 3L), heard);
  }

  @Test
  void aRuleEndsTheStreamAfterWhatItSentThenNothingMoreGoesEitherWay() {
    List<Long> heard = new ArrayList<>();
    rules =
        event ->
            event.type().equals("echo_start")
                ? List.of(
                    s ->
                        s.listen(
                            (frame, out) -> {
                              heard.add(frame.chunk());
                              out.play(frame.mulaw());
                            }))
                : List.of(s -> s.mark("bye"), StreamSession::end);
    session.receive(START);
    session.receive(media(1, 0, (byte) 1));
    session.receive("{\"event\":\"dtmf\",\"streamSid\":\"MZ1\",\"dtmf\":{\"digit\":\"#\"}}");
    session.receive(media(2, 20, (byte) 2));
    assertEquals(List.of(1L), heard);
    assertEquals(
        List.of(
            "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"AQ==\"}}",
            "{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"bye\"}}"),
        sent);
    assertEquals(1, closed);
  }
}
