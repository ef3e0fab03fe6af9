package io.picolabs.twilio.testkit;

import java.util.List;
import java.util.Map;

/**
 * A shared key Twilio signs webhooks with instead of the auth token (the Webhooks configuration
 * API): its id, its secret (whose UTF-8 bytes key the HMAC) and the algorithm, {@value
 * #HMAC_SHA256} unless said. A request signed with it carries {@code
 * X-Twilio-Webhooks-Signature-Settings: key=<id>,algorithm=<algorithm>} ({@link #settingsHeader})
 * besides {@code X-Twilio-Signature}; the server checks it against its {@code
 * twilio.webhook.shared-keys}.
 *
 * @param id the key's id, as the server's {@code twilio.webhook.shared-keys} names it
 * @param secret the key's secret
 * @param algorithm {@value #HMAC_SHA256} or {@value #HMAC_SHA1}
 */
public record SharedKey(String id, String secret, String algorithm) {
  /** Twilio's name of HMAC-SHA256, the algorithm of shared keys. */
  public static final String HMAC_SHA256 = "HMAC_SHA256";

  /** Twilio's name of HMAC-SHA1, which a shared key may also sign with. */
  public static final String HMAC_SHA1 = "HMAC_SHA1";

  /**
   * Checks the parts: the kit computes only what Twilio does.
   *
   * @throws IllegalArgumentException if the id or secret is empty, the id holds {@code ,} or {@code
   *     :} (the server's setting could not name it), or the algorithm is neither of Twilio's
   */
  public SharedKey {
    if (id == null || id.isEmpty() || id.contains(",") || id.contains(":")) {
      throw new IllegalArgumentException("a shared key needs an id without ',' and ':'");
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("shared key " + id + " needs its secret");
    }
    if (!HMAC_SHA256.equals(algorithm) && !HMAC_SHA1.equals(algorithm)) {
      throw new IllegalArgumentException(
          "Twilio signs with " + HMAC_SHA256 + " or " + HMAC_SHA1 + ", not " + algorithm);
    }
  }

  /** The key {@code id} with {@code secret}, signing with HMAC-SHA256. */
  public static SharedKey of(String id, String secret) {
    return new SharedKey(id, secret, HMAC_SHA256);
  }

  /** The value of {@code X-Twilio-Webhooks-Signature-Settings}: {@code key=<id>,algorithm=<a>}. */
  public String settingsHeader() {
    return "key=" + id + ",algorithm=" + algorithm;
  }

  /** The {@code X-Twilio-Signature} of a request to {@code url} with the form {@code params}. */
  public String sign(String url, Map<String, List<String>> params) {
    return Signature.withKey(this, url, params);
  }

  /** The id and algorithm: a key may end up in a test's output, its secret never. */
  @Override
  public String toString() {
    return "SharedKey[id=" + id + ", algorithm=" + algorithm + ", secret=(hidden)]";
  }
}
