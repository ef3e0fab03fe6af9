package io.picolabs.twilio.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code application/x-www-form-urlencoded} content (a POST body or a query string) strictly.
 *
 * <p>JAX-RS's own form binding answers a broken percent-escape with a 500 and lets invalid UTF-8
 * through as replacement characters; here both are a {@link BadInput} naming the parameter, so the
 * sender learns what was wrong. Repeated names keep every value, in order.
 */
public final class FormBody {

  // A decoder is costly to make and not thread-safe; one per thread, reset by each decode() call.
  // The threads' values are JDK decoders, holding no class of the application and nothing secret;
  // the ThreadLocal itself (the map's weak key) goes with the application's class loader.
  private static final ThreadLocal<CharsetDecoder> UTF_8 =
      ThreadLocal.withInitial(
          () ->
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));

  private FormBody() {}

  public static Map<String, List<String>> parse(byte[] body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '&') {
        if (i > start) {
          addPair(body, start, i, params);
        }
        start = i + 1;
      }
    }
    return params;
  }

  /** A raw (still encoded) query string; {@code null} is an empty one. */
  public static Map<String, List<String>> parse(String rawQuery) {
    return rawQuery == null
        ? new LinkedHashMap<>()
        : parse(rawQuery.getBytes(StandardCharsets.UTF_8));
  }

  private static void addPair(byte[] body, int from, int to, Map<String, List<String>> params) {
    int equals = from;
    while (equals < to && body[equals] != '=') {
      equals++;
    }
    String name = decode(body, from, equals, null);
    String value = equals < to ? decode(body, equals + 1, to, name) : "";
    params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
  }

  private static String decode(byte[] body, int from, int to, String name) {
    byte[] out = new byte[to - from];
    int length = 0;
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b == '+') {
        out[length++] = ' ';
      } else if (b == '%') {
        int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
        int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
        if (high < 0 || low < 0) {
          throw new BadInput("malformed percent-encoding in " + where(name));
        }
        byte decoded = (byte) (high << 4 | low);
        ascii &= decoded >= 0;
        out[length++] = decoded;
        i += 2;
      } else {
        ascii &= b >= 0;
        out[length++] = b;
      }
    }
    if (ascii) { // nearly every Twilio parameter: no decoder needed
      return new String(out, 0, length, StandardCharsets.US_ASCII);
    }
    try {
      return UTF_8.get().decode(ByteBuffer.wrap(out, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInput("invalid UTF-8 in " + where(name));
    }
  }

  private static String where(String name) {
    if (name == null) {
      return "a parameter name";
    }
    return "the value of parameter " + (name.length() > 40 ? name.substring(0, 40) + "…" : name);
  }
}
