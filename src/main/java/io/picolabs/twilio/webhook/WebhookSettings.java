package io.picolabs.twilio.webhook;

import io.picolabs.twilio.config.EventsConfig;
import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.security.SignatureKeys;
import io.picolabs.twilio.twiml.RawTwiml;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The webhook boundary's settings ({@link WebhookConfig}), checked at start-up. Settings that
 * weaken security or cannot work are said in the log when the application starts, not discovered on
 * the first call.
 */
@ApplicationScoped
public class WebhookSettings {
  private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());

  @Inject WebhookConfig config;
  @Inject EventsConfig events;
  @Inject TwilioAccounts accounts;

  // checked once: an unusable value is logged at start-up, not on every late answer
  private String fallbackTwiml;
  private SignatureKeys signatureKeys;

  @PostConstruct
  void read() {
    fallbackTwiml = usableFallback(config.fallbackTwiml());
    Map<String, String> secrets = new LinkedHashMap<>();
    config.sharedKeys().forEach(key -> secrets.put(key.id(), key.secret()));
    signatureKeys = new SignatureKeys(secrets, config.requireSharedKey());
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
    if (!config.validateSignature()) {
      LOG.warning(
          "twilio.webhook.validate-signature=false: webhooks are NOT checked against"
              + " X-Twilio-Signature; anyone who finds the URL can drive the rules");
    }
    unverifiable().ifPresent(LOG::warning);
    if (config.validateSignature() && !signatureKeys.keyIds().isEmpty()) {
      // the ids only: they say which keys are live during a rotation; the secrets stay unsaid
      LOG.info(
          "webhooks signed with shared keys "
              + String.join(", ", signatureKeys.keyIds())
              + " are accepted; "
              + (signatureKeys.requireSharedKey()
                  ? "webhooks signed with the auth token are refused"
                      + " (twilio.webhook.require-shared-key=true)"
                  : "so are webhooks signed with the auth token"));
    }
    if (events.token().isEmpty()) {
      LOG.warning(
          "events.token (EVENTS_TOKEN) is not set: /events refuses every request until it is");
    }
  }

  /**
   * Why webhooks cannot be verified, if they cannot: signatures are checked, there is no default
   * auth token to check them with (the one {@link SignatureCheck} uses for a request that names no
   * configured account) and no shared key, so they are refused with 403. Said in the log at
   * start-up and by the readiness check. (Shared keys required and none set cannot start: {@link
   * WebhookConfig#of}.)
   */
  public Optional<String> unverifiable() {
    if (!config.validateSignature()
        || !signatureKeys.keyIds().isEmpty()
        || accounts.authTokenFor(null).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "twilio.auth-token (TWILIO_AUTH_TOKEN) is not set: every webhook will be refused with 403"
            + " until it is");
  }

  public boolean validateSignature() {
    return config.validateSignature();
  }

  /** The shared keys, and whether the auth token is still trusted, for {@link SignatureCheck}. */
  public SignatureKeys signatureKeys() {
    return signatureKeys;
  }

  public Duration deadline() {
    return config.deadline();
  }

  /** The whole fallback document, declaration included. */
  public String fallbackTwiml() {
    return fallbackTwiml;
  }

  public Duration idempotencyWindow() {
    return config.idempotencyWindow();
  }
}
