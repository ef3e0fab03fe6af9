package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Reads {@code true} and {@code false} and nothing else. JAXB's own reading turns {@code "True"} or
 * {@code "yes"} into a missing attribute without a word; refusing them lets the reader keep such an
 * element exactly as written.
 */
public final class StrictBoolean extends XmlAdapter<String, Boolean> {

  @Override
  public Boolean unmarshal(String text) {
    return switch (text.trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a TwiML boolean: " + text);
    };
  }

  @Override
  public String marshal(Boolean value) {
    return value == null ? null : value.toString();
  }
}
