package io.picolabs.twilio.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature} as Twilio computes it: HMAC-SHA1 keyed with the auth token
 * over the URL requested followed by every POST parameter's name and value (names sorted; a name
 * given several times contributes each value, values sorted), Base64. With a {@link SharedKey}, the
 * same text under the key's algorithm and secret.
 *
 * <p>The kit's own, not the server's: the kit plays Twilio, and a test of the server's check should
 * not be signed by the code it tests.
 */
public final class Signature {
  /** The header of the signature. */
  public static final String HEADER = "X-Twilio-Signature";

  /** The header that names the shared key and algorithm of a signature made with a shared key. */
  public static final String SETTINGS_HEADER = "X-Twilio-Webhooks-Signature-Settings";

  private Signature() {}

  /** The signature of a request to {@code url} with the form {@code params} (none for a GET). */
  public static String of(String authToken, String url, Map<String, List<String>> params) {
    return hmac("HmacSHA1", authToken, signedText(url, params));
  }

  /**
   * The signature with shared key {@code key} of a request to {@code url} with the form {@code
   * params}; sent with {@link SharedKey#settingsHeader} in {@link #SETTINGS_HEADER}.
   */
  public static String withKey(SharedKey key, String url, Map<String, List<String>> params) {
    String algorithm = SharedKey.HMAC_SHA1.equals(key.algorithm()) ? "HmacSHA1" : "HmacSHA256";
    return hmac(algorithm, key.secret(), signedText(url, params));
  }

  private static String signedText(String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(param.getValue());
      values.sort(null);
      for (String value : values) {
        data.append(param.getKey()).append(value);
      }
    }
    return data.toString();
  }

  private static String hmac(String algorithm, String secret, String text) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
