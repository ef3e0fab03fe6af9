package io.picolabs.twilio.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Turns the target of an action into the URL Twilio requests next.
 *
 * <p>As in KRL, {@code gatherStart("monkey_handle")} names an event type: Twilio's next request
 * must raise {@code twilio monkey_handle} on this server, so the name becomes the path of that
 * webhook. In TwiML the path stays host-less ({@link #resolve}), which Twilio resolves against the
 * URL it just requested, so it stays right behind proxies and tunnels. The REST API wants absolute
 * URLs ({@link #absolute}): the origin is {@code twilio.webhook.public-url} when set, else that of
 * the request being answered. Anything that is not a bare name (a path, a full URL) is a URL.
 */
@ApplicationScoped
public class ActionUrls {
  static final String PUBLIC_URL_KEY = "twilio.webhook.public-url";
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private String contextPath;
  private Supplier<String> origin;

  protected ActionUrls() {}

  @Inject
  ActionUrls(ServletContext servletContext, HttpServletRequest request, Config config) {
    this(
        servletContext.getContextPath(),
        originOf(config.getOptionalValue(PUBLIC_URL_KEY, String.class), request));
  }

  /** For use outside a container, with no known origin: {@link #absolute} then refuses paths. */
  public ActionUrls(String contextPath) {
    this(
        contextPath,
        () -> {
          throw new IllegalStateException(
              "no origin to make an absolute URL: set " + PUBLIC_URL_KEY);
        });
  }

  /**
   * {@code contextPath} as the servlet API gives it ("" for root); {@code origin} like {@code
   * https://host}.
   */
  public ActionUrls(String contextPath, Supplier<String> origin) {
    this.contextPath = contextPath;
    this.origin = origin;
  }

  private static Supplier<String> originOf(Optional<String> publicUrl, HttpServletRequest request) {
    if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
      String configured = publicUrl.get().strip().replaceAll("/+$", "");
      return () -> configured;
    }
    return () -> {
      String scheme = request.getScheme();
      int port = request.getServerPort();
      boolean defaultPort =
          (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
      return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    };
  }

  /** Whether {@code target} names an event type rather than a URL. */
  public static boolean isEventType(String target) {
    return EVENT_TYPE.matcher(target).matches();
  }

  /** The URL for TwiML: an event type's host-less webhook path, or {@code target} itself. */
  public String resolve(String target) {
    if (target == null) {
      return null;
    }
    return isEventType(target) ? contextPath + "/twilio/" + target : target;
  }

  /** The URL for the REST API: as {@link #resolve}, then a path is prefixed with the origin. */
  public String absolute(String target) {
    String url = resolve(target);
    return url != null && url.startsWith("/") ? origin.get() + url : url;
  }
}
