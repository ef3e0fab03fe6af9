package io.picolabs.twilio.testkit;

import java.time.Instant;
import java.util.List;

/**
 * A call the fake Twilio accepted: the simulated phone rings. A snapshot: the fake replaces it with
 * a new one when its {@code status} changes ({@link FakeTwilio#callStatus}).
 *
 * <p>Named so as not to clash with the server's {@code rest.PlacedCall}, Twilio's answer as the
 * server reads it.
 *
 * @param sid Twilio's identifier, {@code CA} and 32 hex digits
 * @param accountSid the account that placed it (the Basic user of the request)
 * @param from the {@code From} number
 * @param to the {@code To} number (or {@code client:…}, {@code sip:…})
 * @param url the {@code Url} whose TwiML runs when the call is answered, or {@code null}
 * @param method how {@code url} is requested: {@code Method}, {@code POST} unless given
 * @param twiml the {@code Twiml} given instead of a URL, or {@code null}
 * @param statusCallback the {@code StatusCallback} URL, or {@code null}
 * @param statusCallbackEvents every {@code StatusCallbackEvent} ({@code initiated}, {@code
 *     ringing}, {@code answered}, {@code completed}), space-separated lists split; empty when none
 *     was given, which Twilio takes as {@code completed} alone
 * @param statusCallbackMethod how {@code statusCallback} is requested, {@code POST} unless given
 * @param status the call's status now, {@code queued} at first
 * @param created when the fake accepted it
 * @param updated when its status last changed
 */
public record RingingCall(
    String sid,
    String accountSid,
    String from,
    String to,
    String url,
    String method,
    String twiml,
    String statusCallback,
    List<String> statusCallbackEvents,
    String statusCallbackMethod,
    String status,
    Instant created,
    Instant updated) {

  /** Copies the events, so that a snapshot cannot change under its reader. */
  public RingingCall {
    statusCallbackEvents = List.copyOf(statusCallbackEvents);
  }

  /** This call with {@code status} from {@code at} on. */
  public RingingCall withStatus(String status, Instant at) {
    return new RingingCall(
        sid,
        accountSid,
        from,
        to,
        url,
        method,
        twiml,
        statusCallback,
        statusCallbackEvents,
        statusCallbackMethod,
        status,
        created,
        at);
  }

  /** One line for failure messages and consoles: SID, numbers, what it runs, and status. */
  @Override
  public String toString() {
    return sid
        + " "
        + from
        + " -> "
        + to
        + " "
        + (url != null ? method + " " + url : "Twiml " + JsonText.quote(twiml))
        + " ["
        + status
        + "]";
  }
}
