package io.picolabs.twilio.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The origin ({@code https://host[:port]}) of the request being answered, captured where the HTTP
 * request is known, since rules may run on another thread (see the webhook deadline). Events the
 * server raises itself (outcomes of sends) carry the origin of the request whose rule sent.
 */
@RequestScoped
public class RequestOrigin {
  private String origin;

  /** The origin of {@code request}, the port left out where it is the scheme's default. */
  public static String of(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }

  public void set(String origin) {
    this.origin = origin;
  }

  /** The origin, or {@code null} when the request came from no HTTP request. */
  public String get() {
    return origin;
  }
}
