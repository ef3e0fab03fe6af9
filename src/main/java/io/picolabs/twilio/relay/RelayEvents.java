package io.picolabs.twilio.relay;

import io.picolabs.twilio.rules.RuleEvent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ConversationRelay message as an event: {@code twilio <relay>_<type>} ({@code monkey_prompt},
 * {@code monkey_dtmf} …), its attributes the session's {@code setup} fields (so that {@code from}
 * and {@code callSid} name the caller and the call, as in a webhook), the {@code <Parameter>}s of
 * the TwiML ({@code customParameters}), then the message's own fields, and {@code relay}, the
 * session's name.
 */
public final class RelayEvents {
  /** The attribute naming the relay session of the event. */
  public static final String RELAY = "relay";

  private RelayEvents() {}

  /** Whether {@code event} came from a relay session's message. */
  public static boolean isRelayEvent(RuleEvent event) {
    return isSessionEvent(event, RELAY);
  }

  /**
   * Whether {@code event} came from a message of a session named by its attribute {@code
   * nameAttribute} ({@value #RELAY}, or a Media Stream's {@code stream}): its type is that name's.
   */
  public static boolean isSessionEvent(RuleEvent event, String nameAttribute) {
    List<String> name = event.attrs().get(nameAttribute);
    return name != null && event.type().startsWith(name.get(0) + "_");
  }

  /** The event of {@code message} in session {@code relay}, which began with {@code setup}. */
  static RuleEvent of(String relay, Map<String, List<String>> setup, JsonObject message) {
    return sessionEvent(RELAY, relay, setup, message, message.getString("type"));
  }

  /**
   * The event {@code twilio <name>_<kind>} of {@code message} in a session whose first message's
   * attributes are {@code start}: those, then the message's fields, then {@code nameAttribute}
   * naming the session.
   */
  public static RuleEvent sessionEvent(
      String nameAttribute,
      String name,
      Map<String, List<String>> start,
      JsonObject message,
      String kind) {
    Map<String, List<String>> attrs = new LinkedHashMap<>(start);
    attrs.putAll(fields(message));
    attrs.put(nameAttribute, List.of(name));
    return new RuleEvent("twilio", name + "_" + kind, attrs);
  }

  /**
   * The attributes of a {@code setup} message, kept for the session's later messages: its fields
   * and its custom parameters, each under its own name.
   */
  static Map<String, List<String>> setup(JsonObject setup) {
    Map<String, List<String>> attrs = fields(setup);
    attrs.remove("type");
    return attrs;
  }

  /**
   * The fields of {@code message} as attributes: strings as they are, numbers and booleans as text,
   * the fields of nested objects ({@code customParameters}) under their own names unless a field of
   * the message has that name (a custom parameter never passes for the caller).
   */
  public static Map<String, List<String>> fields(JsonObject message) {
    Map<String, List<String>> attrs = new LinkedHashMap<>();
    message.forEach(
        (name, value) -> {
          if (!(value instanceof JsonObject)) {
            put(attrs, name, value, true);
          }
        });
    message.forEach(
        (name, value) -> {
          if (value instanceof JsonObject nested) {
            nested.forEach((inner, innerValue) -> put(attrs, inner, innerValue, false));
          }
        });
    return attrs;
  }

  private static void put(
      Map<String, List<String>> attrs, String name, JsonValue value, boolean replace) {
    String text =
        switch (value.getValueType()) {
          case STRING -> ((JsonString) value).getString();
          case NUMBER -> ((JsonNumber) value).toString();
          case TRUE -> "true";
          case FALSE -> "false";
          case NULL -> null;
          case ARRAY ->
              String.join(
                  ",",
                  value.asJsonArray().stream()
                      .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                      .toList());
          default -> value.toString();
        };
    if (text != null && (replace || !attrs.containsKey(name))) {
      attrs.put(name, List.of(text));
    }
  }
}
