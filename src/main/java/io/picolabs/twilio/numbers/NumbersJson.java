package io.picolabs.twilio.numbers;

import io.picolabs.twilio.rest.NumberWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The JSON of {@code /numbers}: each number's fields at Twilio against the expected ones. */
final class NumbersJson {

  private NumbersJson() {}

  /** {@code {"public_url": …, "numbers": [<number>…]}}. */
  static JsonObject list(String publicUrl, List<NumberState> states) {
    JsonArrayBuilder numbers = Json.createArrayBuilder();
    states.forEach(state -> numbers.add(number(state)));
    return Json.createObjectBuilder().add("public_url", publicUrl).add("numbers", numbers).build();
  }

  /**
   * One number: {@code number}, {@code sid} (Twilio's, {@code null} when the account has no such
   * number), {@code found}, {@code wired}, {@code fields} (each of {@link WiringDiff.Field} as
   * {@code {"current", "expected", "same"}}), {@code remembered}, and {@code previous} (what
   * unwiring restores) when something is remembered.
   */
  static JsonObject number(NumberState state) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("number", state.number());
    string(json, "sid", state.found() == null ? null : state.found().sid());
    json.add("found", state.found() != null).add("wired", state.wired());
    NumberWebhooks current = state.found() == null ? null : state.found().webhooks();
    JsonObjectBuilder fields = Json.createObjectBuilder();
    for (WiringDiff.Field field : WiringDiff.Field.values()) {
      String now = current == null ? null : field.of(current);
      String wanted = state.expected() == null ? null : field.of(state.expected());
      JsonObjectBuilder item = Json.createObjectBuilder();
      string(item, "current", now);
      string(item, "expected", wanted);
      item.add("same", current != null && state.expected() != null && field.same(now, wanted));
      fields.add(field.member(), item);
    }
    json.add("fields", fields).add("remembered", state.remembered() != null);
    if (state.remembered() != null) {
      NumberState.Remembered remembered = state.remembered();
      JsonObjectBuilder previous = Json.createObjectBuilder().add("sid", remembered.sid());
      for (WiringDiff.Field field : WiringDiff.Field.values()) {
        string(previous, field.member(), field.of(remembered.previous()));
      }
      previous.add("wired_at", remembered.wiredAt().toString());
      json.add("previous", previous);
    }
    return json.build();
  }

  private static void string(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
