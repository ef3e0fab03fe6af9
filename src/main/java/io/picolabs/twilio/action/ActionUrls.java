package io.picolabs.twilio.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.regex.Pattern;

/**
 * Turns the target of {@code gatherStart}, {@code record} or {@code redirect} into the URL Twilio
 * requests next.
 *
 * <p>As in KRL, {@code gatherStart("monkey_handle")} names an event type: Twilio's next request
 * must raise {@code twilio monkey_handle} on this server, so the name becomes the path of that
 * webhook. The path is absolute but host-less, which Twilio resolves against the URL it just
 * requested, so it stays right behind proxies and tunnels. Anything else (a path, a full URL) is
 * taken as it is.
 */
@ApplicationScoped
public class ActionUrls {
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private String webhookBase;

  protected ActionUrls() {}

  @Inject
  ActionUrls(ServletContext servletContext) {
    this(servletContext.getContextPath());
  }

  /** For use outside a container: {@code contextPath} as the servlet API gives it ("" for root). */
  public ActionUrls(String contextPath) {
    this.webhookBase = contextPath + "/twilio/";
  }

  /** Whether {@code target} names an event type rather than a URL. */
  public static boolean isEventType(String target) {
    return EVENT_TYPE.matcher(target).matches();
  }

  /** The URL for {@code target}: an event type's webhook, or {@code target} itself. */
  public String resolve(String target) {
    if (target == null) {
      return null;
    }
    return isEventType(target) ? webhookBase + target : target;
  }
}
