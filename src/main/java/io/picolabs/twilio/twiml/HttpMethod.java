package io.picolabs.twilio.twiml;

import java.util.Locale;

/** The two methods Twilio uses to request a URL. */
public enum HttpMethod {
  GET,
  POST;

  /** Reads {@code "get"}, {@code "GET"}, {@code "post"} …; anything else is a mistake in a rule. */
  public static HttpMethod of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("method must be GET or POST, not " + name);
    }
  }
}
