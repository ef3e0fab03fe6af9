package io.picolabs.twilio.rest;

/**
 * The request reached Twilio but no usable answer came back (a 5xx, a read timeout, a broken
 * connection). Twilio may have accepted it: a message may be on its way. Retrying could send it
 * twice, so it is not retried; whoever reads this decides.
 */
public class OutcomeUnknown extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public OutcomeUnknown(String what, String reason, Throwable cause) {
    super(
        what
            + ": outcome unknown ("
            + reason
            + "); Twilio may have accepted it, so it was not"
            + " retried",
        cause);
    this.reason = reason;
  }

  /** What went wrong: {@code HTTP 503 from Twilio}, {@code Read timed out} … */
  public String reason() {
    return reason;
  }
}
