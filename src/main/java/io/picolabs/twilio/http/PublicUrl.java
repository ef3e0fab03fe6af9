package io.picolabs.twilio.http;

import io.picolabs.twilio.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public URL of this server: one class for everything that needs it, the origin a request came
 * to, the configured public URL and the base path of the library's resources.
 *
 * <p>The origin ({@code https://host[:port]}, or {@code twilio.webhook.public-url} with any path
 * prefix it has) under which the sender of a request reached this server ({@link #originOf}). One
 * reading for everything that needs it, so that the URL whose signature is checked and the absolute
 * URLs this server gives Twilio (a placed call's {@code Url}, status callbacks) can never disagree:
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
 *
 * <p>The base path ({@link #basePath}) is where the library's resources are under the server's
 * root: the context root and the path of the JAX-RS application they joined ({@code /shop/api} for
 * {@code @ApplicationPath("/api")} in a WAR at {@code /shop}; {@code ""} for both at {@code /}), so
 * that event-type targets and the numbers' webhooks point where Twilio's requests will be answered.
 * The application's path is the mapping of its servlet, which the JAX-RS specification names after
 * the {@code Application} subclass (or which names that class in its {@code
 * jakarta.ws.rs.Application} init parameter); of several applications (the library's resources join
 * each), the first by name. The servlet API refuses to list servlets while the application is being
 * initialised (from CDI's start-up listener), so the path is read on first use after that, and
 * kept.
 */
@ApplicationScoped
public class PublicUrl {
  private static final String APPLICATION_PARAMETER = "jakarta.ws.rs.Application";

  private WebhookConfig config;
  private ServletContext context;
  private volatile String basePath;

  protected PublicUrl() {}

  @Inject
  PublicUrl(WebhookConfig config, ServletContext context) {
    this.config = config;
    this.context = context;
  }

  /** {@code twilio.webhook.public-url} without trailing slashes, if it is set. */
  public Optional<String> configured() {
    return config.publicUrl();
  }

  /** The origin of {@code request}, read once per request. */
  public String originOf(HttpServletRequest request) {
    return Exchange.of(request)
        .origin(() -> originOf(request, config.publicUrl(), config.trustForwardedHeaders()));
  }

  /**
   * The context root, e.g. {@code /shop}, or {@code ""}: where the library's WebSocket endpoints
   * are, which no JAX-RS application path moves.
   */
  public String contextPath() {
    return context.getContextPath();
  }

  /** The base path, e.g. {@code /shop/api}, or {@code ""}. */
  public String basePath() {
    String known = basePath;
    if (known != null) {
      return known;
    }
    try {
      known = context.getContextPath() + applicationPath(context);
    } catch (UnsupportedOperationException | IllegalStateException e) {
      // still initialising (a call from start-up code): the context root alone, read again later
      return context.getContextPath();
    }
    basePath = known;
    return known;
  }

  private static String applicationPath(ServletContext context) {
    ClassLoader loader = context.getClassLoader();
    Map<String, String> paths = new TreeMap<>();
    context
        .getServletRegistrations()
        .forEach(
            (name, servlet) -> {
              String application =
                  Optional.ofNullable(servlet.getInitParameter(APPLICATION_PARAMETER)).orElse(name);
              if (isApplication(application, loader) && !servlet.getMappings().isEmpty()) {
                paths.put(name, servlet.getMappings().iterator().next().replaceAll("/?\\*?$", ""));
              }
            });
    return paths.isEmpty() ? "" : paths.values().iterator().next();
  }

  private static boolean isApplication(String className, ClassLoader loader) {
    try {
      return Application.class.isAssignableFrom(Class.forName(className, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // a servlet's name, not a class
    }
  }

  /**
   * {@code url} (an origin, or an origin and a path) as a WebSocket URL: {@code https:} becomes
   * {@code wss:}, {@code http:} becomes {@code ws:}; any other scheme stays as written. The one
   * spelling both the {@code wss://} URLs given to Twilio and the signed upgrades are read with.
   */
  public static String socketSpelling(String url) {
    if (url.regionMatches(true, 0, "https:", 0, 6)) {
      return "wss:" + url.substring(6);
    }
    if (url.regionMatches(true, 0, "http:", 0, 5)) {
      return "ws:" + url.substring(5);
    }
    return url;
  }

  /**
   * The origin of the socket {@code request} arrived on, e.g. {@code http://127.0.0.1:9080}: this
   * server's own address and port as the connection has them, never a header (not {@code Host}, not
   * {@code X-Forwarded-*}), so that no client can choose it. For the server to call itself (the
   * console does), and to know which origin its own pages have.
   */
  public static String ownOrigin(HttpServletRequest request) {
    String address = request.getLocalAddr();
    // an IPv6 literal goes in brackets, its zone (fe80::1%eth0) percent-encoded as URIs want it
    String host = address.indexOf(':') >= 0 ? "[" + address.replace("%", "%25") + "]" : address;
    return origin(request.isSecure() ? "https" : "http", host, request.getLocalPort());
  }

  /** The origin of {@code request} with these settings. */
  public static String originOf(
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
