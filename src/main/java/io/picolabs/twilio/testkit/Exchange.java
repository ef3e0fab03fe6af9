package io.picolabs.twilio.testkit;

import java.util.Map;

/**
 * One request the simulated Twilio made to the server and what the server answered: the method, the
 * exact URL (a GET's parameters in its query), the parameters sent, the HTTP status, the answer's
 * {@code Content-Type} and body (the TwiML of the step).
 */
public record Exchange(
    String method,
    String url,
    Map<String, String> params,
    int status,
    String contentType,
    String body) {

  /** Whether the server answered 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return method + " " + url + " -> " + status + " " + contentType + "\n" + body;
  }
}
