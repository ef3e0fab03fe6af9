package io.picolabs.twilio.http;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event attributes from a JSON object: strings as they are, numbers and booleans as their JSON
 * text, arrays as repeated values, nested objects as JSON text; {@code null} members are left out.
 */
public final class JsonAttributes {

  private JsonAttributes() {}

  public static Map<String, List<String>> parse(byte[] body) {
    Map<String, List<String>> attrs = new LinkedHashMap<>();
    if (body.length == 0) {
      return attrs;
    }
    JsonValue json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      json = reader.readValue();
    } catch (JsonException e) {
      throw new BadInput("the body is not valid JSON");
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadInput("the body must be a JSON object of attributes");
    }
    json.asJsonObject()
        .forEach(
            (name, value) -> {
              List<String> values = new ArrayList<>();
              if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().forEach(element -> addText(element, values));
              } else {
                addText(value, values);
              }
              if (!values.isEmpty()) {
                attrs.put(name, values);
              }
            });
    return attrs;
  }

  private static void addText(JsonValue value, List<String> values) {
    switch (value.getValueType()) {
      case NULL -> {
        // an absent attribute, as a form would have left it out
      }
      case STRING -> values.add(((JsonString) value).getString());
      default -> values.add(value.toString());
    }
  }
}
