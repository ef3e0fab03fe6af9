package io.picolabs.twilio;

import io.picolabs.twilio.http.BodyLimit;
import io.picolabs.twilio.http.EventsTokenCheck;
import io.picolabs.twilio.numbers.NumbersResource;
import io.picolabs.twilio.outbound.OutboundLog;
import io.picolabs.twilio.state.VariablesResource;
import io.picolabs.twilio.webhook.EventChannel;
import io.picolabs.twilio.webhook.SignatureCheck;
import io.picolabs.twilio.webhook.TwilioWebhook;
import io.picolabs.twilio.webhook.WebhookOutcomes;
import java.util.Set;

/**
 * The library's JAX-RS classes, for a host application whose {@code Application} lists its classes
 * ({@code getClasses()}) instead of letting the server discover them: add these to that set. An
 * {@code Application} that lists nothing gets them by discovery.
 *
 * <p>The endpoints then appear under the host's application path: with
 * {@code @ApplicationPath("/api")}, Twilio posts to {@code /api/twilio/<event type>}.
 */
public final class TwilioEndpoints {
  private TwilioEndpoints() {}

  /** The resources and the filters bound to them; nothing that applies to other resources. */
  public static Set<Class<?>> classes() {
    return Set.of(
        TwilioWebhook.class,
        EventChannel.class,
        OutboundLog.class,
        VariablesResource.class,
        NumbersResource.class,
        BodyLimit.class,
        SignatureCheck.class,
        EventsTokenCheck.class,
        WebhookOutcomes.class);
  }
}
