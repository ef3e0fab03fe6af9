package io.picolabs.twilio.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A message or call the rules sent ({@code twilio.sendSms}, {@code twilio.placeCall}), as written
 * to the outbox when their rule committed. Targets of this server read as the rule names them:
 * {@code "reminder"} for the webhook of event type {@code reminder}, {@code "sms_status"} for the
 * default status callback (the outbox id the server adds to it is left out); URLs elsewhere as they
 * are.
 *
 * <p>The factories give the defaults a rule gets without modifiers, and the modifiers are those of
 * the rule's actions, so an expectation reads like the rule:
 *
 * <pre>{@code
 * assertEquals(
 *     List.of(Send.sms("+18015552311", "+18005551212", "Your table is ready").media(PHOTO)),
 *     run.sends());
 * }</pre>
 */
public sealed interface Send permits Send.Sms, Send.Call {

  /** The account name of messages and calls sent without {@code .account(name)}. */
  String DEFAULT_ACCOUNT = "default";

  /** {@code sendSms(to, from, body)} with no modifiers. */
  static Sms sms(String to, String from, String body) {
    return new Sms(to, from, null, body, List.of(), "sms_status", DEFAULT_ACCOUNT);
  }

  /** {@code placeCall(to, from, url)} with no modifiers ({@code url}: an event type or a URL). */
  static Call call(String to, String from, String url) {
    return new Call(to, from, url, "call_status", List.of(), null, null, DEFAULT_ACCOUNT);
  }

  /** The number sent to. */
  String to();

  /** The account sent from ({@value #DEFAULT_ACCOUNT}, or the name the rule gave). */
  String account();

  /**
   * A message.
   *
   * @param to the number texted
   * @param from the sending number, or {@code null} when sent through a messaging service
   * @param messagingService the messaging service's SID, or {@code null}
   * @param body the text, or {@code null} for media alone
   * @param media the media URLs
   * @param statusCallback where Twilio reports delivery: an event type of this server or a URL
   * @param account the account's name
   */
  record Sms(
      String to,
      String from,
      String messagingService,
      String body,
      List<String> media,
      String statusCallback,
      String account)
      implements Send {

    public Sms {
      media = List.copyOf(media);
    }

    /** With {@code urls} added to the media. */
    public Sms media(String... urls) {
      List<String> more = new ArrayList<>(media);
      more.addAll(List.of(urls));
      return new Sms(to, from, messagingService, body, more, statusCallback, account);
    }

    /** Sent through messaging service {@code sid} instead of a From number. */
    public Sms messagingService(String sid) {
      return new Sms(to, null, sid, body, media, statusCallback, account);
    }

    /** With the status callback {@code target} (an event type of this server, or a URL). */
    public Sms statusCallback(String target) {
      return new Sms(to, from, messagingService, body, media, target, account);
    }

    /** Sent from the account named {@code name}. */
    public Sms account(String name) {
      return new Sms(to, from, messagingService, body, media, statusCallback, name);
    }
  }

  /**
   * A call.
   *
   * @param to the number called
   * @param from the calling number
   * @param url the TwiML of the answered call: an event type of this server, or a URL
   * @param statusCallback where Twilio reports the call's progress: an event type or a URL
   * @param statusCallbackEvents the progress reported, if the rule chose
   * @param statusCallbackMethod {@code GET} or {@code POST}, if the rule chose
   * @param timeout seconds to ring, if the rule chose
   * @param account the account's name
   */
  record Call(
      String to,
      String from,
      String url,
      String statusCallback,
      List<String> statusCallbackEvents,
      String statusCallbackMethod,
      Integer timeout,
      String account)
      implements Send {

    public Call {
      statusCallbackEvents = List.copyOf(statusCallbackEvents);
    }

    /** With the status callback {@code target} (an event type of this server, or a URL). */
    public Call statusCallback(String target) {
      return new Call(
          to, from, url, target, statusCallbackEvents, statusCallbackMethod, timeout, account);
    }

    /** With {@code events} added to the progress reported. */
    public Call statusCallbackEvent(String... events) {
      List<String> more = new ArrayList<>(statusCallbackEvents);
      more.addAll(List.of(events));
      return new Call(to, from, url, statusCallback, more, statusCallbackMethod, timeout, account);
    }

    /** With the status callback's method. */
    public Call statusCallbackMethod(String method) {
      return new Call(
          to, from, url, statusCallback, statusCallbackEvents, method, timeout, account);
    }

    /** Ringing {@code seconds}. */
    public Call timeout(int seconds) {
      return new Call(
          to,
          from,
          url,
          statusCallback,
          statusCallbackEvents,
          statusCallbackMethod,
          seconds,
          account);
    }

    /** Placed from the account named {@code name}. */
    public Call account(String name) {
      return new Call(
          to, from, url, statusCallback, statusCallbackEvents, statusCallbackMethod, timeout, name);
    }
  }
}
