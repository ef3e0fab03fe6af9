package io.picolabs.twilio.action;

import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.http.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns the target of an action into the URL Twilio requests next.
 *
 * <p>As in KRL, {@code gatherStart("monkey_handle")} names an event type: Twilio's next request
 * must raise {@code twilio monkey_handle} on this server, so the name becomes the path of that
 * webhook (a query may follow: {@code "menu?step=2"}), under the context root and the JAX-RS
 * application's path ({@link PublicUrl#basePath}). In TwiML the path stays host-less ({@link
 * #resolve}), which Twilio resolves against the URL it just requested, so it stays right behind
 * proxies and tunnels. The REST API wants absolute URLs ({@link #absolute}): the origin is {@code
 * twilio.webhook.public-url} when set, else that of the request being answered. Anything that is
 * not an event type (a path, a full URL) is a URL.
 *
 * <p>Query parameters are emitted sorted: Twilio may re-sort them before signing its next request,
 * and a sorted query reads the same either way.
 */
@ApplicationScoped
public class ActionUrls {
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\?.*)?");
  private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private Supplier<String> basePath;
  private Supplier<String> contextPath;
  private Supplier<String> origin;

  protected ActionUrls() {}

  @Inject
  ActionUrls(PublicUrl publicUrl, RequestOrigin requestOrigin) {
    this.basePath = publicUrl::basePath;
    this.contextPath = publicUrl::contextPath;
    Optional<String> configured = publicUrl.configured();
    this.origin = configured.isPresent() ? configured::get : requestOrigin::get;
  }

  /** For use outside a container, with no known origin: {@link #absolute} then refuses paths. */
  public ActionUrls(String basePath) {
    this(basePath, () -> null);
  }

  /**
   * {@code basePath}: context root and application path ("" for both at root); {@code origin} like
   * {@code https://host}.
   */
  public ActionUrls(String basePath, Supplier<String> origin) {
    this.basePath = () -> basePath;
    this.contextPath = this.basePath;
    this.origin = origin;
  }

  /** Whether {@code target} names an event type (with an optional query) rather than a URL. */
  private static boolean isEventType(String target) {
    return EVENT_TYPE.matcher(target).matches();
  }

  /** The URL for TwiML: an event type's host-less webhook path, or {@code target} itself. */
  public String resolve(String target) {
    if (target == null) {
      return null;
    }
    String url = isEventType(target) ? basePath.get() + "/twilio/" + target : target;
    return sortQuery(url);
  }

  /** The URL for the REST API: as {@link #resolve}, then a path is prefixed with the origin. */
  public String absolute(String target) {
    String url = resolve(target);
    if (url == null || !url.startsWith("/")) {
      return url;
    }
    String base = origin.get();
    if (base == null) {
      throw new IllegalStateException(
          "no origin to make an absolute URL of "
              + url
              + ": set "
              + WebhookConfig.PUBLIC_URL.key());
    }
    return base + url;
  }

  /**
   * The URL of a WebSocket for Twilio to connect to: {@code name}, a session of this server of
   * {@code kind} ({@code relay}, {@code stream}), becomes {@code wss://}{@code <host><context
   * root>/twilio/<kind>/<name>} ({@code ws://} behind a plain-HTTP origin), always absolute: Twilio
   * resolves no relative WebSocket URL. Anything else is a URL, kept as written.
   */
  public String socket(String kind, String name) {
    if (!SESSION_NAME.matcher(name).matches()) {
      return name;
    }
    return PublicUrl.socketSpelling(absolute(contextPath.get() + "/twilio/" + kind + "/" + name));
  }

  /** {@code url} with its query parameters in sorted order, each kept exactly as written. */
  static String sortQuery(String url) {
    int query = url.indexOf('?');
    if (query < 0 || query == url.length() - 1) {
      return url;
    }
    int fragment = url.indexOf('#', query);
    String end = fragment < 0 ? "" : url.substring(fragment);
    String[] params = url.substring(query + 1, fragment < 0 ? url.length() : fragment).split("&");
    Arrays.sort(params);
    return url.substring(0, query + 1) + String.join("&", params) + end;
  }
}
