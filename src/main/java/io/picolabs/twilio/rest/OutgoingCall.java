package io.picolabs.twilio.rest;

import jakarta.ws.rs.core.Form;
import java.util.List;
import java.util.Objects;

/**
 * A call to place: {@code To}, {@code From}, the {@code Url} whose TwiML runs when it is answered,
 * and optional status callbacks and ring timeout.
 */
public record OutgoingCall(
    String to,
    String from,
    String url,
    String statusCallback,
    List<String> statusCallbackEvents,
    String statusCallbackMethod,
    Integer timeout) {

  public OutgoingCall {
    Objects.requireNonNull(to, "place_call needs a To number");
    Objects.requireNonNull(from, "place_call needs a From number");
    Objects.requireNonNull(url, "place_call needs the URL of the call's TwiML");
    statusCallbackEvents = List.copyOf(statusCallbackEvents);
  }

  /** The form Twilio's Calls resource takes. */
  public Form toForm() {
    Form form = new Form().param("To", to).param("From", from).param("Url", url);
    if (statusCallback != null) {
      form.param("StatusCallback", statusCallback);
    }
    statusCallbackEvents.forEach(event -> form.param("StatusCallbackEvent", event));
    if (statusCallbackMethod != null) {
      form.param("StatusCallbackMethod", statusCallbackMethod);
    }
    if (timeout != null) {
      form.param("Timeout", timeout.toString());
    }
    return form;
  }
}
