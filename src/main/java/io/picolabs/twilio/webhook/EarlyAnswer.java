package io.picolabs.twilio.webhook;

import io.picolabs.twilio.http.EarlyResponse;
import io.picolabs.twilio.http.ErrorAnswers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The deadline's answer, written to the webhook's {@link EarlyResponse} by {@link DeadlineWatch}'s
 * thread while the request thread is still in the rules: the same bytes the resource would have
 * answered (the fallback's TwiML, or the 503 of rules that cannot run), so that the caller has them
 * at once. The request thread goes on only once this is written ({@link
 * DeadlineWatch.Watch#returned} waits for it), and what it writes then is dropped.
 */
final class EarlyAnswer {
  private static final Logger LOG = Logger.getLogger(EarlyAnswer.class.getName());

  /** The answer to a delivery whose rules could not run. */
  static final String UNAVAILABLE = "the rules cannot run just now; the event was not kept: retry";

  private EarlyAnswer() {}

  /**
   * Writes {@code answer} to {@code response}; false if there is no response to write to ({@code
   * null}: {@code http.ServletResponses} did not run for this request).
   */
  static boolean send(EarlyResponse response, Deadline.Answer answer) {
    if (response == null) {
      LOG.warning(
          "the deadline's answer cannot be given before the rules return: the webhook's servlet"
              + " response was not kept (is the application path mapped? see"
              + " http.WebhookFilterSetup)");
      return false;
    }
    boolean twiml = !answer.temporary();
    byte[] body =
        (twiml ? answer.twiml() : ErrorAnswers.line(UNAVAILABLE)).getBytes(StandardCharsets.UTF_8);
    try {
      response.answer(
          twiml ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          twiml ? "application/xml;charset=UTF-8" : "text/plain;charset=UTF-8",
          body);
    } catch (IOException | IllegalStateException e) {
      LOG.warning("the deadline's answer could not be written (the caller gone?): " + e);
    }
    return true;
  }
}
