package io.picolabs.twilio.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One of the account's Twilio numbers, as Twilio's IncomingPhoneNumbers resource shows it: the
 * members that say where its calls and messages go. The others ({@code friendly_name}, fallbacks,
 * capabilities …) are not read.
 *
 * <p>An application SID, when set, routes calls (or messages) to that application's URLs and Twilio
 * ignores the number's own URLs: it is read so that a comparison can say so.
 */
public record IncomingNumber(
    String sid,
    @JsonbProperty("account_sid") String accountSid,
    @JsonbProperty("phone_number") String phoneNumber,
    @JsonbProperty("voice_url") String voiceUrl,
    @JsonbProperty("voice_method") String voiceMethod,
    @JsonbProperty("sms_url") String smsUrl,
    @JsonbProperty("sms_method") String smsMethod,
    @JsonbProperty("status_callback") String statusCallback,
    @JsonbProperty("status_callback_method") String statusCallbackMethod,
    @JsonbProperty("voice_application_sid") String voiceApplicationSid,
    @JsonbProperty("sms_application_sid") String smsApplicationSid) {

  /** Where the number sends calls, messages and call statuses now. */
  public NumberWebhooks webhooks() {
    return new NumberWebhooks(
        voiceUrl, voiceMethod, smsUrl, smsMethod, statusCallback, statusCallbackMethod);
  }
}
