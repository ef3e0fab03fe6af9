package io.picolabs.twilio.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * {@code twilio.webhook.*}: how webhooks are trusted and answered, and the public URL of this
 * server. The webhook boundary checks and announces them ({@code WebhookSettings}).
 */
public record WebhookConfig(
    boolean validateSignature,
    Optional<String> publicUrl,
    boolean trustForwardedHeaders,
    int maxBodyBytes,
    Duration deadline,
    String fallbackTwiml,
    Duration idempotencyWindow) {

  /** The answer when rules are late; the default of {@link #FALLBACK_TWIML}. */
  public static final String DEFAULT_FALLBACK =
      "<Response><Say>Sorry, we could not answer in time. Please call again later.</Say><Hangup/></Response>";

  public static final Setting<Boolean> VALIDATE_SIGNATURE =
      new Setting<>("twilio.webhook.validate-signature", Boolean.class, true);
  public static final Setting<String> PUBLIC_URL =
      new Setting<>("twilio.webhook.public-url", String.class, null);
  public static final Setting<Boolean> TRUST_FORWARDED_HEADERS =
      new Setting<>("twilio.webhook.trust-forwarded-headers", Boolean.class, false);
  public static final Setting<Integer> MAX_BODY_BYTES =
      new Setting<>("twilio.webhook.max-body-bytes", Integer.class, 64 * 1024);
  public static final Setting<Long> DEADLINE_MS =
      new Setting<>("twilio.webhook.deadline-ms", Long.class, 8000L);
  public static final Setting<String> FALLBACK_TWIML =
      new Setting<>("twilio.webhook.fallback-twiml", String.class, DEFAULT_FALLBACK);
  public static final Setting<Long> IDEMPOTENCY_WINDOW_SECONDS =
      new Setting<>("twilio.webhook.idempotency-window-seconds", Long.class, 300L);

  public static final List<Setting<?>> SETTINGS =
      List.of(
          VALIDATE_SIGNATURE,
          PUBLIC_URL,
          TRUST_FORWARDED_HEADERS,
          MAX_BODY_BYTES,
          DEADLINE_MS,
          FALLBACK_TWIML,
          IDEMPOTENCY_WINDOW_SECONDS);

  public static WebhookConfig of(Config config) {
    return new WebhookConfig(
        VALIDATE_SIGNATURE.in(config),
        // without trailing slashes: paths are appended to it
        PUBLIC_URL.text(config).map(url -> url.replaceAll("/+$", "")).filter(u -> !u.isEmpty()),
        TRUST_FORWARDED_HEADERS.in(config),
        MAX_BODY_BYTES.in(config),
        Duration.ofMillis(DEADLINE_MS.in(config)),
        FALLBACK_TWIML.in(config),
        Duration.ofSeconds(IDEMPOTENCY_WINDOW_SECONDS.in(config)));
  }
}
