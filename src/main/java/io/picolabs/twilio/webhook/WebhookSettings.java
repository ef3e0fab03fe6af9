package io.picolabs.twilio.webhook;

import io.picolabs.twilio.config.EventsConfig;
import io.picolabs.twilio.config.WebhookConfig;
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

/**
 * The webhook boundary's settings, read once at start-up from MicroProfile Config. Settings that
 * weaken security or cannot work are said in the log when the application starts, not discovered on
 * the first call.
 */
@ApplicationScoped
public class WebhookSettings {
  private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());

  @Inject WebhookConfig config;
  @Inject EventsConfig events;
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
    validateSignature = config.validateSignature();
    publicUrl = config.publicUrl();
    trustForwardedHeaders = config.trustForwardedHeaders();
    maxBodyBytes = config.maxBodyBytes();
    deadline = config.deadline();
    fallbackTwiml = usableFallback(config.fallbackTwiml());
    idempotencyWindow = config.idempotencyWindow();
    eventsToken = events.token();
  }

  /** The fallback document, declaration included; the default if {@code twiml} is not TwiML. */
  private static String usableFallback(String twiml) {
    try {
      RawTwiml.parse(twiml);
      return twiml.strip().startsWith("<?xml")
          ? twiml.strip()
          : TwimlWriter.DECLARATION + twiml.strip();
    } catch (IllegalArgumentException e) {
      LOG.severe(
          WebhookConfig.FALLBACK_TWIML.key()
              + " is not usable ("
              + e.getMessage()
              + "); using the default");
      return TwimlWriter.DECLARATION + WebhookConfig.DEFAULT_FALLBACK;
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
