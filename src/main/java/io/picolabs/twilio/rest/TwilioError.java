package io.picolabs.twilio.rest;

import java.time.Duration;

/**
 * An error answer from Twilio's REST API, with Twilio's own error code: 21211 invalid number, 21610
 * recipient opted out, 20003 bad credentials, 20429 too many requests …
 *
 * <p>Such a request was refused, so nothing was sent.
 */
public class TwilioError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String twilioMessage;
  private final String moreInfo;
  private final int status;
  private final transient Duration retryAfter;

  public TwilioError(
      int code, String twilioMessage, String moreInfo, int status, Duration retryAfter) {
    super(describe(code, twilioMessage, moreInfo, status));
    this.code = code;
    this.twilioMessage = twilioMessage;
    this.moreInfo = moreInfo;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  private static String describe(int code, String message, String moreInfo, int status) {
    return "Twilio error "
        + code
        + " (HTTP "
        + status
        + "): "
        + message
        + (moreInfo == null ? "" : " " + moreInfo);
  }

  /** Twilio's error code, such as 21211; 0 where the answer carried none. */
  public int code() {
    return code;
  }

  /** Twilio's own explanation. */
  public String twilioMessage() {
    return twilioMessage;
  }

  /** The documentation page for the code, or {@code null}. */
  public String moreInfo() {
    return moreInfo;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** Too many requests: never processed, so always safe to retry. */
  public boolean isRetryable() {
    return status == 429 || code == 20429;
  }

  /** The delay Twilio asked for in {@code Retry-After}, or {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
