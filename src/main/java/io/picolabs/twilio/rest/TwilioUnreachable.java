package io.picolabs.twilio.rest;

/**
 * Every attempt failed before the request reached Twilio (refused, unresolvable): nothing was sent.
 */
public class TwilioUnreachable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TwilioUnreachable(String what, int attempts, Throwable cause) {
    super(
        what
            + ": Twilio could not be reached in "
            + attempts
            + " attempts ("
            + cause
            + "); nothing was sent",
        cause);
  }
}
