package io.picolabs.twilio.console;

import io.picolabs.twilio.testkit.CallSimulator;
import io.picolabs.twilio.testkit.PhoneCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The console's calls, by {@code CallSid}: the last {@value #KEPT} (a development tool: a page left
 * open does not need more, and the server must not keep them forever).
 */
@ApplicationScoped
public class ConsoleCalls {
  static final int KEPT = 50;

  private final Map<String, PhoneCall> calls =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PhoneCall> eldest) {
          return size() > KEPT;
        }
      };

  /** Keeps {@code call} for the acts that follow; the call as the page draws it. */
  JsonObject keep(PhoneCall call) {
    synchronized (calls) {
      calls.put(call.simulator().parameters().get("CallSid"), call);
    }
    synchronized (call) {
      return CallJson.of(call.simulator());
    }
  }

  /**
   * Does {@code act} on the call {@code sid}: {@code press} (digits), {@code speak} (speech),
   * {@code silence}, {@code dial} (outcome, seconds), {@code record} (seconds), {@code bridge}
   * (seconds), {@code hangup}.
   *
   * @throws NoSuchElementException no such call (or forgotten)
   * @throws IllegalArgumentException an unknown act or a bad value
   * @throws IllegalStateException the call does not wait for that act
   */
  JsonObject act(String sid, String act, Map<String, String> values) {
    PhoneCall call = find(sid);
    CallSimulator simulator = call.simulator();
    synchronized (call) { // one act at a time per call; other calls go on
      switch (act) {
        case "press" -> simulator.press(required(values, "digits"));
        case "speak" -> simulator.speak(required(values, "speech"), 0.9);
        case "silence" -> simulator.silence();
        case "dial" -> simulator.dialOutcome(required(values, "outcome"), seconds(values));
        case "record" -> simulator.record(seconds(values), values.get("finishKey"));
        case "bridge" -> simulator.bridged(seconds(values));
        case "hangup" -> simulator.hangUp();
        default -> throw new IllegalArgumentException("unknown act: " + act);
      }
      return CallJson.of(simulator);
    }
  }

  /**
   * What the call {@code sid}'s relay session has streamed so far of the reply it is making: read
   * while an act on the call waits for that reply, so not under the call's lock.
   */
  JsonObject replying(String sid) {
    return Json.createObjectBuilder().add("replying", find(sid).simulator().replyingNow()).build();
  }

  /** The call {@code sid} as it is now. */
  JsonObject get(String sid) {
    PhoneCall call = find(sid);
    synchronized (call) {
      return CallJson.of(call.simulator());
    }
  }

  private PhoneCall find(String sid) {
    PhoneCall call;
    synchronized (calls) {
      call = calls.get(sid);
    }
    if (call == null) {
      throw new NoSuchElementException("no call " + sid + " on this console");
    }
    return call;
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static int seconds(Map<String, String> values) {
    String seconds = values.getOrDefault("seconds", "10");
    try {
      int parsed = Integer.parseInt(seconds.trim());
      if (parsed < 0 || parsed > 14400) {
        throw new IllegalArgumentException("seconds must be 0 to 14400: " + seconds);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seconds is not a number: " + seconds, e);
    }
  }
}
