package io.picolabs.twilio.http;

/** A request the server cannot read; answered 400 with {@link #getMessage()} and nothing else. */
public class BadInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInput(String message) {
    super(message, null, false, false);
  }
}
