package io.picolabs.twilio.harness;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One variable written when a rule committed.
 *
 * @param scope {@code ent} (an entity's, {@code ent.set}), {@code app} ({@code app.set}) or {@code
 *     call} ({@code call.set})
 * @param owner the entity, {@code app}, or the call's SID
 * @param name the variable's name
 * @param json the value as stored, JSON; {@code null} when the rule removed the variable
 */
public record VarWrite(String scope, String owner, String name, String json) {

  /**
   * The value as plain Java, to compare with what a test expects: a string, a boolean, a number
   * ({@link Integer}, {@link Long} or {@link java.math.BigInteger} when whole, else {@link
   * Double}), a {@link List} or a {@link Map} of those (a record or bean the rule stored is a map);
   * {@code null} when the variable was removed.
   */
  public Object value() {
    return value(json);
  }

  static Object value(String json) {
    if (json == null) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return plain(reader.readValue());
    }
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case NUMBER -> number((JsonNumber) value);
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
          list.add(plain(item));
        }
        yield list;
      }
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((key, item) -> map.put(key, plain(item)));
        yield map;
      }
    };
  }

  private static Object number(JsonNumber number) {
    if (!number.isIntegral()) {
      return number.doubleValue();
    }
    java.math.BigInteger whole = number.bigIntegerValue();
    if (whole.bitLength() < 32) {
      return whole.intValue();
    }
    return whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
  }
}
