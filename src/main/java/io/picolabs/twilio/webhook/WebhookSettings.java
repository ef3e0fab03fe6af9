package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.ActionUrls;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.twiml.RawTwiml;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The webhook boundary's settings, read once at start-up from MicroProfile Config. Settings that
 * weaken security or cannot work are said in the log when the application starts, not discovered on
 * the first call.
 */
@ApplicationScoped
public class WebhookSettings {
  private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());

  static final String DEFAULT_FALLBACK =
      "<Response><Say>Sorry, we could not answer in time. Please call again later.</Say><Hangup/></Response>";

  @Inject Config config;
  @Inject TwilioAccounts accounts;

  private boolean validateSignature;
  private Optional<String> publicUrl;
  private boolean trustForwardedHeaders;
  private int maxBodyBytes;
  private Duration deadline;
  private String fallbackTwiml;
  private Duration idempotencyWindow;
  private Optional<String> eventsToken;

  @PostConstruct
  void read() {
    validateSignature = value("twilio.webhook.validate-signature", Boolean.class, true);
    publicUrl = ActionUrls.publicUrl(config);
    trustForwardedHeaders = value("twilio.webhook.trust-forwarded-headers", Boolean.class, false);
    maxBodyBytes = value("twilio.webhook.max-body-bytes", Integer.class, 64 * 1024);
    deadline = Duration.ofMillis(value("twilio.webhook.deadline-ms", Long.class, 8000L));
    fallbackTwiml = readFallback();
    idempotencyWindow =
        Duration.ofSeconds(value("twilio.webhook.idempotency-window-seconds", Long.class, 300L));
    eventsToken = config.getOptionalValue("events.token", String.class).filter(t -> !t.isBlank());
  }

  private <T> T value(String key, Class<T> type, T fallback) {
    return config.getOptionalValue(key, type).orElse(fallback);
  }

  private String readFallback() {
    String twiml = value("twilio.webhook.fallback-twiml", String.class, DEFAULT_FALLBACK);
    try {
      RawTwiml.parse(twiml);
      return twiml.strip().startsWith("<?xml")
          ? twiml.strip()
          : TwimlWriter.DECLARATION + twiml.strip();
    } catch (IllegalArgumentException e) {
      LOG.severe(
          "twilio.webhook.fallback-twiml is not usable ("
              + e.getMessage()
              + "); using the default");
      return TwimlWriter.DECLARATION + DEFAULT_FALLBACK;
    }
  }

  /** Says at start-up what would otherwise surprise: validation off, no token, a closed channel. */
  void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!validateSignature) {
      LOG.warning(
          "twilio.webhook.validate-signature=false: webhooks are NOT checked against"
              + " X-Twilio-Signature; anyone who finds the URL can drive the rules");
    }
    unverifiable().ifPresent(LOG::warning);
    if (eventsToken.isEmpty()) {
      LOG.warning(
          "events.token (EVENTS_TOKEN) is not set: /events refuses every request until it is");
    }
  }

  /**
   * Why webhooks cannot be verified, if they cannot: signatures are checked and there is no default
   * auth token to check them with (the one {@link SignatureCheck} uses for a request that names no
   * configured account), so they are refused with 403. Said in the log at start-up and by the
   * readiness check.
   */
  public Optional<String> unverifiable() {
    if (!validateSignature || accounts.authTokenFor(null).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "twilio.auth-token (TWILIO_AUTH_TOKEN) is not set: every webhook will be refused with 403"
            + " until it is");
  }

  public boolean validateSignature() {
    return validateSignature;
  }

  public Optional<String> publicUrl() {
    return publicUrl;
  }

  public boolean trustForwardedHeaders() {
    return trustForwardedHeaders;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public Duration deadline() {
    return deadline;
  }

  /** The whole fallback document, declaration included. */
  public String fallbackTwiml() {
    return fallbackTwiml;
  }

  public Duration idempotencyWindow() {
    return idempotencyWindow;
  }

  public Optional<String> eventsToken() {
    return eventsToken;
  }
}
