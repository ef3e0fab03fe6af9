package io.picolabs.twilio.http;

import io.picolabs.twilio.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The origin ({@code https://host[:port]}, or {@code twilio.webhook.public-url} with any path
 * prefix it has) under which the sender of a request reached this server. One reading for
 * everything that needs it, so that the URL whose signature is checked and the absolute URLs this
 * server gives Twilio (a placed call's {@code Url}, status callbacks) can never disagree:
 *
 * <ol>
 *   <li>{@code twilio.webhook.public-url} when it is set;
 *   <li>else, with {@code twilio.webhook.trust-forwarded-headers=true}, the proxy's {@code
 *       X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} (each falling
 *       back to what the request itself says; the first value of a list, the one the proxy nearest
 *       the sender wrote);
 *   <li>else the request as this server received it.
 * </ol>
 *
 * A port that is the scheme's default is left out (Twilio signs the URL as it was requested, and
 * the signature check accepts either spelling).
 */
@ApplicationScoped
public class PublicOrigin {
  @Inject WebhookConfig config;

  /** The origin of {@code request}, read once per request. */
  public String of(HttpServletRequest request) {
    return Exchange.of(request)
        .origin(() -> of(request, config.publicUrl(), config.trustForwardedHeaders()));
  }

  public static String of(
      HttpServletRequest request, Optional<String> publicUrl, boolean trustForwardedHeaders) {
    if (publicUrl.isPresent()) {
      return publicUrl.get();
    }
    if (!trustForwardedHeaders) {
      return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }
    String scheme = firstOf(request.getHeader("X-Forwarded-Proto"), request.getScheme());
    String host = firstOf(request.getHeader("X-Forwarded-Host"), request.getHeader("Host"));
    String forwardedPort = firstOf(request.getHeader("X-Forwarded-Port"), null);
    if (host == null) { // no Host header (HTTP/1.0): the server's own name and port
      return origin(scheme, request.getServerName(), port(forwardedPort, request.getServerPort()));
    }
    if (hasPort(host) || forwardedPort == null) {
      return scheme + "://" + host;
    }
    return origin(scheme, host, port(forwardedPort, 0));
  }

  private static int port(String forwarded, int otherwise) {
    if (forwarded == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(forwarded);
    } catch (NumberFormatException e) {
      throw new BadInput("X-Forwarded-Port is not a port number");
    }
  }

  private static String origin(String scheme, String host, int port) {
    boolean defaultPort =
        (scheme.equalsIgnoreCase("https") && port == 443)
            || (scheme.equalsIgnoreCase("http") && port == 80);
    return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port);
  }

  /** Whether {@code host} ends with a port ({@code name:port}, {@code [v6]:port}). */
  private static boolean hasPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon >= 0 && colon > host.lastIndexOf(']');
  }

  /** The first of a comma-separated header's values, or {@code fallback}. */
  private static String firstOf(String header, String fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).trim();
  }
}
