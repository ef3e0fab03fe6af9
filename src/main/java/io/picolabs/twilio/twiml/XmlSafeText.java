package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Removes the characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
 *
 * <p>Escaping them as character references would not help: {@code &#1;} is still ill-formed in XML
 * 1.0, and Twilio answers such a document with error 12100. Caller-supplied text (an SMS body, a
 * name read from a database) can contain them, so they are dropped on the way out.
 */
public final class XmlSafeText extends XmlAdapter<String, String> {

  /**
   * Returns {@code text} without the characters XML 1.0 forbids; {@code null} stays {@code null}.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    int i = 0;
    while (i < length) {
      int codePoint = text.codePointAt(i);
      if (!isAllowed(codePoint)) {
        return strip(text, i);
      }
      i += Character.charCount(codePoint);
    }
    return text;
  }

  private static String strip(String text, int firstSuspect) {
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, firstSuspect);
    int i = firstSuspect;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (isAllowed(codePoint)) {
        out.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  /** The XML 1.0 {@code Char} production; surrogate halves fall outside it. */
  private static boolean isAllowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  @Override
  public String unmarshal(String text) {
    return text;
  }

  @Override
  public String marshal(String text) {
    return clean(text);
  }
}
