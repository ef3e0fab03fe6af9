package io.picolabs.twilio.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Duration idempotencyWindow,
    List<SharedKey> sharedKeys,
    boolean requireSharedKey) {

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

  /**
   * Comma-separated {@code <key id>:<secret>} pairs: the shared keys Twilio may sign webhooks with
   * instead of the auth token (several while one replaces another).
   */
  public static final Setting<String> SHARED_KEYS =
      new Setting<>("twilio.webhook.shared-keys", String.class, null);

  /** Refuses webhooks signed with the auth token: only the shared keys are trusted. */
  public static final Setting<Boolean> REQUIRE_SHARED_KEY =
      new Setting<>("twilio.webhook.require-shared-key", Boolean.class, false);

  public static final List<Setting<?>> SETTINGS =
      List.of(
          VALIDATE_SIGNATURE,
          PUBLIC_URL,
          TRUST_FORWARDED_HEADERS,
          MAX_BODY_BYTES,
          DEADLINE_MS,
          FALLBACK_TWIML,
          IDEMPOTENCY_WINDOW_SECONDS,
          SHARED_KEYS,
          REQUIRE_SHARED_KEY);

  /**
   * A shared key Twilio may sign webhooks with: its id (Twilio's, named by the request's {@code
   * X-Twilio-Webhooks-Signature-Settings}) and its secret, whose UTF-8 bytes key the HMAC.
   */
  public record SharedKey(String id, String secret) {
    /** The id alone: a holder may end up in a log, its secret never. */
    @Override
    public String toString() {
      return "SharedKey[id=" + id + ", secret=(hidden)]";
    }
  }

  /**
   * The webhook settings.
   *
   * @throws IllegalArgumentException with what is wrong, never a secret, if the shared keys are
   *     malformed or required while none is set
   */
  public static WebhookConfig of(Config config) {
    List<SharedKey> sharedKeys = sharedKeys(SHARED_KEYS.text(config).orElse(""));
    boolean requireSharedKey = REQUIRE_SHARED_KEY.in(config);
    if (requireSharedKey && sharedKeys.isEmpty()) {
      throw new IllegalArgumentException(
          REQUIRE_SHARED_KEY.key()
              + " is true but "
              + SHARED_KEYS.key()
              + " ("
              + SHARED_KEYS.environmentVariable()
              + ") sets no key: every webhook would be refused. Set the shared keys, or turn "
              + REQUIRE_SHARED_KEY.key()
              + " off.");
    }
    return new WebhookConfig(
        VALIDATE_SIGNATURE.in(config),
        // without trailing slashes: paths are appended to it
        PUBLIC_URL.text(config).map(url -> url.replaceAll("/+$", "")).filter(u -> !u.isEmpty()),
        TRUST_FORWARDED_HEADERS.in(config),
        MAX_BODY_BYTES.in(config),
        Duration.ofMillis(DEADLINE_MS.in(config)),
        FALLBACK_TWIML.in(config),
        Duration.ofSeconds(IDEMPOTENCY_WINDOW_SECONDS.in(config)),
        sharedKeys,
        requireSharedKey);
  }

  /**
   * The keys of {@code pairs} ({@code <key id>:<secret>,…}; spaces around a pair, an id or a secret
   * do not count), in order. A malformed pair is refused rather than skipped: a key left out
   * silently would show only as refused webhooks. The message numbers the pair and quotes nothing
   * of it: a pair written wrong may put a secret where an id belongs, or have no colon at all.
   */
  static List<SharedKey> sharedKeys(String pairs) {
    List<SharedKey> keys = new ArrayList<>();
    if (pairs.isBlank()) {
      return keys;
    }
    Map<String, Integer> pairOf = new HashMap<>(); // the number of the pair that gave each id
    String[] parts = pairs.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String pair = parts[i].strip();
      String which = "pair " + (i + 1) + " of " + parts.length;
      if (pair.isEmpty()) {
        throw malformed(which + " is empty");
      }
      int colon = pair.indexOf(':'); // the first: a secret may hold colons, an id may not
      if (colon < 0) {
        throw malformed(which + " has no ':' between its key id and its secret");
      }
      String id = pair.substring(0, colon).strip();
      String secret = pair.substring(colon + 1).strip();
      if (id.isEmpty()) {
        throw malformed(which + " has an empty key id");
      }
      if (secret.isEmpty()) {
        throw malformed(which + " has an empty secret");
      }
      Integer earlier = pairOf.putIfAbsent(id, i + 1);
      if (earlier != null) {
        throw malformed(which + " repeats the key id of pair " + earlier + "; give each key once");
      }
      keys.add(new SharedKey(id, secret));
    }
    return List.copyOf(keys);
  }

  private static IllegalArgumentException malformed(String problem) {
    return new IllegalArgumentException(
        SHARED_KEYS.key()
            + " ("
            + SHARED_KEYS.environmentVariable()
            + ") is malformed: "
            + problem
            + ". Give comma-separated <key id>:<secret> pairs.");
  }
}
