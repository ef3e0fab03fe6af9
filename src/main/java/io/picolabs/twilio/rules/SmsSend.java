package io.picolabs.twilio.rules;

/**
 * KRL's {@code send_sms}, with its modifiers. Written to the outbox when the rule commits and sent
 * from there; the outcome is raised as {@code twilio sms_sent} (sid, status, to, from, body,
 * num_segments, account, outbox), {@code twilio sms_failed} (error_code, error_message, more_info,
 * http_status, …) or, when it cannot be told whether Twilio has it, {@code twilio sms_unknown}
 * (reason, …). Twilio reports its delivery to {@code twilio sms_status} unless {@link
 * #statusCallback} names another target.
 */
public interface SmsSend {
  /** Adds media URLs (up to ten in all), for an MMS. */
  SmsSend media(String... urls);

  /** Sends through a messaging service instead of the From number. */
  SmsSend messagingService(String sid);

  /**
   * Where Twilio reports delivery: an event type of this server (default {@code sms_status}) or a
   * URL elsewhere (the message log then learns nothing of its delivery).
   */
  SmsSend statusCallback(String target);

  /** Sends from the named account ({@code twilio.accounts.<name>.*}) instead of the default. */
  SmsSend account(String name);
}
