package io.picolabs.twilio.event;

import jakarta.enterprise.context.RequestScoped;

/**
 * The public origin ({@code https://host[:port]}) of the request being answered, as the webhook
 * read it (the public URL or trusted forwarded headers, else the request itself), captured where
 * the HTTP request is known, since rules may run on another thread (see the webhook deadline).
 * Events the server raises itself (outcomes of sends) carry the origin of the request whose rule
 * sent.
 */
@RequestScoped
public class RequestOrigin {
  private String origin;

  public void set(String origin) {
    this.origin = origin;
  }

  /** The origin, or {@code null} when the request came from no HTTP request. */
  public String get() {
    return origin;
  }
}
