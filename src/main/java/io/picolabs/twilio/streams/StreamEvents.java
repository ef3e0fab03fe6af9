package io.picolabs.twilio.streams;

import io.picolabs.twilio.relay.RelayEvents;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A Media Stream message as an event: {@code twilio <stream>_<event>} ({@code echo_start}, {@code
 * echo_dtmf}, {@code echo_mark}, {@code echo_stop}), its attributes the {@code start} message's
 * fields ({@code streamSid}, {@code callSid}, {@code tracks}, the {@code <Parameter>}s), then the
 * message's own ({@code digit}, the mark's {@code name} …), and {@code stream}, the stream's name.
 */
public final class StreamEvents {
  /** The attribute naming the stream of the event. */
  public static final String STREAM = "stream";

  private StreamEvents() {}

  /** Whether {@code event} came from a Media Stream's message. */
  public static boolean isStreamEvent(RuleEvent event) {
    return RelayEvents.isSessionEvent(event, STREAM);
  }

  static RuleEvent of(String stream, Map<String, List<String>> start, JsonObject message) {
    return RelayEvents.sessionEvent(STREAM, stream, start, message, message.getString("event"));
  }
}
