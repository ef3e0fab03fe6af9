package io.picolabs.twilio.webhook;

import java.util.Locale;

/**
 * A CDI event fired once for every request to Twilio's webhooks, when it has been answered: the
 * event type it raised and how it was answered, for whoever counts them (the {@code ops} package's
 * metrics), which this package does not know.
 *
 * @param type the event type of the URL ({@code inbound_call}), or {@link #UNTRUSTED} when the
 *     request was refused: a type from a request nobody vouched for must not become a new metric
 *     series (anyone could make millions)
 * @param outcome how it was answered
 */
public record WebhookAnswered(String type, Outcome outcome) {

  /** The type of a request that was refused before its type could be trusted. */
  public static final String UNTRUSTED = "-";

  /** How a webhook request was answered. */
  public enum Outcome {
    /** The rules ran and their TwiML was answered (rules that failed included). */
    ANSWERED,
    /** 403: no valid {@code X-Twilio-Signature}; no rule ran. */
    REFUSED_SIGNATURE,
    /** 400 or 413: the request could not be read; no rule ran. */
    BAD_INPUT,
    /** The rules were late (or could not run) and the fallback TwiML was answered. */
    FALLBACK,
    /**
     * A retried delivery (the same {@code I-Twilio-Idempotency-Token}): answered with the first
     * delivery's answer (or the fallback, if it did not come in time); no rule ran.
     */
    REPLAYED,
    /**
     * 503: the rules could not run (the engine failed, e.g. on the database, or was held up outside
     * any rule past the deadline); nothing was kept for the delivery, so that Twilio's retry or the
     * number's fallback URL answers it.
     */
    UNAVAILABLE,
    /** Any other answer (a 5xx): not expected, see the log. */
    ERROR;

    /** The name as a metric tag value: {@code refused_signature}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
