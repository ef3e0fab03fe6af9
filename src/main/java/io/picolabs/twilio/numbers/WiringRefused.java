package io.picolabs.twilio.numbers;

/** A request about a number that cannot be done as things stand; the message says why. */
public class WiringRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request was refused. */
  public enum Reason {
    /** The number is not one of {@code twilio.numbers}. */
    NOT_CONFIGURED,
    /** The account has no such number. */
    NOT_IN_ACCOUNT,
    /** What is expected cannot be known without {@code twilio.webhook.public-url}. */
    NO_PUBLIC_URL,
    /** Unwiring a number of which nothing is remembered. */
    NOTHING_REMEMBERED
  }

  private final Reason reason;

  public WiringRefused(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** Why it was refused. */
  public Reason reason() {
    return reason;
  }
}
