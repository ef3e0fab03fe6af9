package io.picolabs.twilio.rest;

import jakarta.ws.rs.core.Form;
import java.util.List;
import java.util.Objects;

/**
 * A message to send: {@code To}, then either {@code From} or {@code MessagingServiceSid}, a body
 * and/or up to ten media URLs, and an optional status callback.
 */
public record OutgoingSms(
    String to,
    String from,
    String messagingServiceSid,
    String body,
    List<String> mediaUrls,
    String statusCallback) {

  public static final int MAX_MEDIA = 10;

  public OutgoingSms {
    Objects.requireNonNull(to, "send_sms needs a To number");
    if ((from == null) == (messagingServiceSid == null)) {
      throw new IllegalArgumentException(
          "send_sms needs either a From number or a messaging service");
    }
    mediaUrls = List.copyOf(mediaUrls);
    if (mediaUrls.size() > MAX_MEDIA) {
      throw new IllegalArgumentException("send_sms takes at most " + MAX_MEDIA + " media URLs");
    }
    if (body == null && mediaUrls.isEmpty()) {
      throw new IllegalArgumentException("send_sms needs a body or media");
    }
  }

  /** The form Twilio's Messages resource takes. */
  public Form toForm() {
    Form form = new Form().param("To", to);
    if (from != null) {
      form.param("From", from);
    } else {
      form.param("MessagingServiceSid", messagingServiceSid);
    }
    if (body != null) {
      form.param("Body", body);
    }
    mediaUrls.forEach(url -> form.param("MediaUrl", url));
    if (statusCallback != null) {
      form.param("StatusCallback", statusCallback);
    }
    return form;
  }
}
