package io.picolabs.twilio.numbers;

import io.picolabs.twilio.rest.IncomingNumber;
import io.picolabs.twilio.rest.NumberWebhooks;
import java.time.Instant;
import java.util.List;

/**
 * One configured number as it stands: how Twilio has it (or {@code null}: not a number of the
 * account), what this server expects, and what is remembered of it from before a wiring (or {@code
 * null}).
 *
 * @param number the number, E.164
 * @param found the number at Twilio, or {@code null}
 * @param expected its webhooks as this server wants them, or {@code null} (no public URL, when
 *     unwiring)
 * @param remembered its webhooks before this server wired it, or {@code null}
 */
public record NumberState(
    String number, IncomingNumber found, NumberWebhooks expected, Remembered remembered) {

  /**
   * The webhooks a number had before this server wired it.
   *
   * @param sid the number's SID when it was wired
   * @param previous its webhooks then
   * @param wiredAt when it was first wired
   */
  public record Remembered(String sid, NumberWebhooks previous, Instant wiredAt) {}

  /** The fields that are not as expected (against none at all when the number was not found). */
  public List<WiringDiff.Difference> differences() {
    if (expected == null) {
      return List.of();
    }
    return WiringDiff.between(
        found == null ? new NumberWebhooks(null, null, null, null, null, null) : found.webhooks(),
        expected);
  }

  /** Whether the number is at Twilio with every field as expected. */
  public boolean wired() {
    return found != null && expected != null && differences().isEmpty();
  }
}
