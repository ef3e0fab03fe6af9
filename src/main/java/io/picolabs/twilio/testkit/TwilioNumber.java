package io.picolabs.twilio.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the fake Twilio's numbers (an IncomingPhoneNumber): where Twilio would send its calls,
 * messages and call statuses. A snapshot: the fake replaces it with a new one on each update.
 *
 * <p>Named so as not to clash with the server's {@code rest.IncomingNumber}, Twilio's answer as the
 * server reads it.
 *
 * @param sid Twilio's identifier, {@code PN} and 32 hex digits
 * @param phoneNumber the number, E.164
 * @param voiceUrl {@code voice_url}, empty for none
 * @param voiceMethod {@code voice_method}, {@code POST} unless set
 * @param smsUrl {@code sms_url}, empty for none
 * @param smsMethod {@code sms_method}, {@code POST} unless set
 * @param statusCallback {@code status_callback}, empty for none
 * @param statusCallbackMethod {@code status_callback_method}, {@code POST} unless set
 * @param created when it was added to the fake
 * @param updated when it was last updated
 */
public record TwilioNumber(
    String sid,
    String phoneNumber,
    String voiceUrl,
    String voiceMethod,
    String smsUrl,
    String smsMethod,
    String statusCallback,
    String statusCallbackMethod,
    Instant created,
    Instant updated) {

  /**
   * This number updated as Twilio updates one from a form: each of {@code VoiceUrl}, {@code
   * VoiceMethod}, {@code SmsUrl}, {@code SmsMethod}, {@code StatusCallback}, {@code
   * StatusCallbackMethod} that is given replaces the member (an empty URL clears it, a method is
   * kept in capitals); the others are left as they are, and parameters the fake does not know are
   * ignored.
   */
  public TwilioNumber updatedBy(Map<String, List<String>> form, Instant at) {
    return new TwilioNumber(
        sid,
        phoneNumber,
        given(form, "VoiceUrl", voiceUrl),
        method(form, "VoiceMethod", voiceMethod),
        given(form, "SmsUrl", smsUrl),
        method(form, "SmsMethod", smsMethod),
        given(form, "StatusCallback", statusCallback),
        method(form, "StatusCallbackMethod", statusCallbackMethod),
        created,
        at);
  }

  private static String given(Map<String, List<String>> form, String name, String current) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? current : values.get(0);
  }

  private static String method(Map<String, List<String>> form, String name, String current) {
    String method = given(form, name, current);
    return method.isEmpty() ? current : method.toUpperCase(Locale.ROOT);
  }

  /** One line for failure messages: SID, number and where it sends calls and messages. */
  @Override
  public String toString() {
    return sid
        + " "
        + phoneNumber
        + " voice "
        + voiceMethod
        + " "
        + voiceUrl
        + ", sms "
        + smsMethod
        + " "
        + smsUrl
        + ", status "
        + statusCallbackMethod
        + " "
        + statusCallback;
  }
}
