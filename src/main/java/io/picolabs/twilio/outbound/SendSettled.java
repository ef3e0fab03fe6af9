package io.picolabs.twilio.outbound;

/**
 * A CDI event fired each time the sender records where an outbox entry stands after a request to
 * Twilio (or a check with Twilio), for whoever counts sends (the {@code ops} package's metrics),
 * which this package does not know.
 *
 * @param kind {@code sms} or {@code call}
 * @param outcome {@code sent} (Twilio accepted it), {@code reconciled} (its answer was lost and
 *     Twilio, asked, has it), {@code failed} (nothing was sent: Twilio refused it, or could not be
 *     reached for all the attempts), {@code retried} (a 429 or a refused connection: it waits for
 *     its next attempt), {@code in_doubt} (an answer was lost, or Twilio could not be asked about
 *     it: it will be asked again), {@code unknown} (Twilio could not be asked, every time: it may
 *     or may not have gone out)
 * @param errorCode Twilio's error code of a refusal ({@code 21211}), null when Twilio gave none
 */
public record SendSettled(String kind, String outcome, Integer errorCode) {

  static SendSettled of(OutboxEntry entry, Settlement settlement, boolean reconciled) {
    String outcome =
        switch (settlement.state()) {
          case SENT -> reconciled ? "reconciled" : "sent";
          case FAILED -> "failed";
          case PENDING -> "retried";
          case RECONCILE -> "in_doubt";
          case UNKNOWN -> "unknown";
          case SENDING -> "sending"; // a settlement never claims
        };
    return new SendSettled(entry.kind, outcome, settlement.errorCode());
  }
}
