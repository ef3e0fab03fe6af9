package io.picolabs.twilio.state;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Variable values as JSON text (JSON-B): what can be stored, and reading it back typed. */
public final class JsonValues {
  /** The largest value, serialized as UTF-8. */
  public static final int MAX_BYTES = 64 * 1024;

  // Jsonb is thread-safe and costly to create: one for the application.
  private static final Jsonb JSONB = JsonbBuilder.create();

  private JsonValues() {}

  /** {@code value} as JSON; refused if it cannot be serialized or is too large. */
  public static String write(VarKey key, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "variable " + key.name() + ": null is not a value; use remove(\"" + key.name() + "\")");
    }
    String json;
    try {
      json = JSONB.toJson(value);
    } catch (JsonbException e) {
      throw new IllegalArgumentException(
          "variable "
              + key.name()
              + ": a "
              + value.getClass().getName()
              + " cannot be stored as JSON: "
              + e.getMessage(),
          e);
    }
    int bytes = utf8Length(json);
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "variable "
              + key.name()
              + ": the value is "
              + bytes
              + " bytes as JSON; at most "
              + MAX_BYTES);
    }
    return json;
  }

  /** {@code json} as a {@code type}; a value of another shape is refused naming the variable. */
  public static <T> T read(VarKey key, String json, Type type) {
    try {
      return JSONB.fromJson(json, type);
    } catch (JsonbException | ClassCastException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "variable " + key + " holds " + abbreviated(json) + ", which is not a " + name(type), e);
    }
  }

  private static String name(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }

  private static String abbreviated(String json) {
    return json.length() > 60 ? json.substring(0, 60) + "…" : json;
  }

  private static int utf8Length(String text) {
    // Fast path: for ASCII the byte count is the length; only otherwise encode.
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return text.length();
  }
}
