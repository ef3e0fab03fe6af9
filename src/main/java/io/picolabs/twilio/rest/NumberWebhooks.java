package io.picolabs.twilio.rest;

import jakarta.ws.rs.core.Form;

/**
 * Where a Twilio number sends its calls ({@code VoiceUrl}, {@code VoiceMethod}), its messages
 * ({@code SmsUrl}, {@code SmsMethod}) and its calls' status changes ({@code StatusCallback}, {@code
 * StatusCallbackMethod}): what an update of an IncomingPhoneNumber sets. Any member may be {@code
 * null} (Twilio showed none).
 */
public record NumberWebhooks(
    String voiceUrl,
    String voiceMethod,
    String smsUrl,
    String smsMethod,
    String statusCallback,
    String statusCallbackMethod) {

  /**
   * The update's form. A missing URL is sent empty, which clears it at Twilio (so that restoring
   * "none" really removes ours); a missing method is left out, and Twilio keeps the one it has.
   */
  public Form toForm() {
    Form form = new Form();
    form.param("VoiceUrl", voiceUrl == null ? "" : voiceUrl);
    method(form, "VoiceMethod", voiceMethod);
    form.param("SmsUrl", smsUrl == null ? "" : smsUrl);
    method(form, "SmsMethod", smsMethod);
    form.param("StatusCallback", statusCallback == null ? "" : statusCallback);
    method(form, "StatusCallbackMethod", statusCallbackMethod);
    return form;
  }

  private static void method(Form form, String name, String method) {
    if (method != null && !method.isEmpty()) {
      form.param(name, method);
    }
  }
}
