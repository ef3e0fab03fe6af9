package io.picolabs.twilio.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which secret must have signed a webhook, and whether it did. A request with {@value
 * #SETTINGS_HEADER} ({@code key=<key id>,algorithm=HMAC_SHA256}) was signed with the shared key it
 * names, by the algorithm it names: that key and that algorithm decide, whatever else the request
 * says, so a request cannot choose a weaker check than the one its header names. A request without
 * it was signed with the account's auth token and HMAC-SHA1, unless a shared key is required.
 *
 * <p>The signed text is the same either way ({@link TwilioSignature}). Pure logic: the webhook
 * boundary gives it the configured keys and each request's parts.
 */
public final class SignatureKeys {
  /** The header that names the shared key and algorithm of a request's signature. */
  public static final String SETTINGS_HEADER = "X-Twilio-Webhooks-Signature-Settings";

  /** What a check decided; each refusal with the one line the 403 says. */
  public enum Verdict {
    VALID(""),
    /** The signature is not the named key's (or the auth token's) for this request. */
    INVALID("invalid X-Twilio-Signature"),
    /**
     * No settings header and no auth token to check with: said as a wrong signature would be (the
     * server's log tells the operator), so that a caller learns nothing of the configuration.
     */
    NO_AUTH_TOKEN("invalid X-Twilio-Signature"),
    MALFORMED_SETTINGS("malformed " + SETTINGS_HEADER),
    UNKNOWN_KEY("unknown key in " + SETTINGS_HEADER),
    UNKNOWN_ALGORITHM("unsupported algorithm in " + SETTINGS_HEADER),
    SHARED_KEY_REQUIRED(
        "missing " + SETTINGS_HEADER + ": webhooks must be signed with a shared key");

    private final String message;

    Verdict(String message) {
      this.message = message;
    }

    /** The refusal's text (empty for {@link #VALID}). */
    public String message() {
      return message;
    }

    public boolean valid() {
      return this == VALID;
    }
  }

  private final Map<String, String> secrets;
  private final boolean requireSharedKey;

  /**
   * Checks with {@code sharedKeys} (secret by key id; their UTF-8 bytes key the HMAC) and, unless
   * {@code requireSharedKey}, the auth token for requests that name no key.
   */
  public SignatureKeys(Map<String, String> sharedKeys, boolean requireSharedKey) {
    this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(sharedKeys));
    this.requireSharedKey = requireSharedKey;
  }

  /** The ids of the shared keys, in the order configured (ids are no secret: they are logged). */
  public Set<String> keyIds() {
    return secrets.keySet();
  }

  public boolean requireSharedKey() {
    return requireSharedKey;
  }

  /**
   * Whether {@code signature} is Twilio's for a request to {@code url} with the form {@code params}
   * whose {@value #SETTINGS_HEADER} is {@code settings} ({@code null}: the request had none). The
   * auth token is asked for only when the request names no key.
   */
  public Verdict verify(
      String settings,
      Supplier<Optional<String>> authToken,
      String url,
      Map<String, List<String>> params,
      String signature) {
    if (settings == null) {
      if (requireSharedKey) {
        return Verdict.SHARED_KEY_REQUIRED;
      }
      Optional<String> token = authToken.get();
      if (token.isEmpty()) {
        return Verdict.NO_AUTH_TOKEN;
      }
      return TwilioSignature.verify(token.get(), url, params, signature)
          ? Verdict.VALID
          : Verdict.INVALID;
    }
    Map<String, String> named = parameters(settings);
    String keyId = named == null ? null : named.get("key");
    String algorithmName = named == null ? null : named.get("algorithm");
    if (keyId == null || algorithmName == null) {
      return Verdict.MALFORMED_SETTINGS;
    }
    String secret = secrets.get(keyId);
    if (secret == null) {
      return Verdict.UNKNOWN_KEY;
    }
    Optional<HmacAlgorithm> algorithm = HmacAlgorithm.named(algorithmName);
    if (algorithm.isEmpty()) {
      return Verdict.UNKNOWN_ALGORITHM;
    }
    return TwilioSignature.verify(algorithm.get(), secret, url, params, signature)
        ? Verdict.VALID
        : Verdict.INVALID;
  }

  /**
   * The header's {@code name=value} parameters, or {@code null} when it is not a comma-separated
   * list of them, names one twice, or gives an empty name or value. Names other than {@code key}
   * and {@code algorithm} are kept and not looked at: the header is in beta, and a parameter Twilio
   * adds must not refuse every webhook, while the key and algorithm it names still decide the
   * check.
   */
  private static Map<String, String> parameters(String header) {
    Map<String, String> named = new LinkedHashMap<>();
    for (String part : header.split(",", -1)) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        return null;
      }
      String name = part.substring(0, equals).strip();
      String value = part.substring(equals + 1).strip();
      if (name.isEmpty() || value.isEmpty() || named.putIfAbsent(name, value) != null) {
        return null;
      }
    }
    return named;
  }
}
