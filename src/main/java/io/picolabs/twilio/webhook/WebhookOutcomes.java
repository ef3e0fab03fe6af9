package io.picolabs.twilio.webhook;

import io.picolabs.twilio.http.Exchange;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells how each request to Twilio's webhooks was answered, as a {@link WebhookAnswered} CDI event,
 * at the one place every answer passes: a response filter of the webhook resources. It sees the
 * signature check's 403, the 400 and 413 of unreadable requests (mapped or aborted before the
 * resource ran) and the resource's own answers, which the resource marks as answered, fallback or
 * replayed (in its {@link Exchange}).
 */
@Provider
@SignedByTwilio
public class WebhookOutcomes implements ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(WebhookOutcomes.class.getName());

  @Inject Event<WebhookAnswered> answered;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    WebhookAnswered fact = of(Exchange.of(request).outcome(), type(request), response.getStatus());
    try {
      answered.fire(fact);
    } catch (RuntimeException e) {
      // counting must never change an answer
      LOG.log(Level.WARNING, "webhook outcome not told: " + e, e);
    }
  }

  /**
   * The fact for an answer with {@code status}: the resource's own outcome, with the URL's type,
   * when it ran; else the status's meaning, with the untrusted type.
   */
  static WebhookAnswered of(Object outcome, String type, int status) {
    if (outcome instanceof WebhookAnswered.Outcome ran && type != null) {
      return new WebhookAnswered(type, ran);
    }
    WebhookAnswered.Outcome refused =
        status == 403
            ? WebhookAnswered.Outcome.REFUSED_SIGNATURE
            : status >= 400 && status < 500
                ? WebhookAnswered.Outcome.BAD_INPUT
                : WebhookAnswered.Outcome.ERROR;
    return new WebhookAnswered(WebhookAnswered.UNTRUSTED, refused);
  }

  private static String type(ContainerRequestContext request) {
    return request.getUriInfo().getPathParameters().getFirst("type");
  }
}
