package io.picolabs.twilio.testkit;

/**
 * A JSON object written by hand, member by member in the order given: the kit needs nothing but the
 * JDK, and the fake's answers only ever write JSON, never read it.
 */
final class JsonText {
  private final StringBuilder out = new StringBuilder("{");

  /** A string member; {@code null} is written as JSON {@code null}. */
  JsonText string(String name, String value) {
    return raw(name, quote(value));
  }

  /** A number member. */
  JsonText number(String name, long value) {
    return raw(name, Long.toString(value));
  }

  /** A member whose value is already JSON (an array, an object, {@code null}). */
  JsonText raw(String name, String json) {
    if (out.length() > 1) {
      out.append(',');
    }
    out.append(quote(name)).append(':').append(json);
    return this;
  }

  @Override
  public String toString() {
    return out + "}";
  }

  /**
   * {@code text} as a JSON string: quotes and backslashes escaped, and every control character as
   * <code>&#92;u00XX</code>, since JSON forbids them raw; {@code null} is JSON {@code null}.
   */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04X", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
