package io.picolabs.twilio.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the auth token, over the URL
 * Twilio requested followed by each POST parameter's name and value, names sorted.
 *
 * <p>Where the official SDKs go wrong, this does not: a name given several times contributes every
 * value, values sorted; the URL is tried with and without its default port, never decoded; the
 * comparison is constant-time. JSON bodies are covered by {@code bodySHA256} in the signed URL
 * ({@link #bodyMatches}).
 */
public final class TwilioSignature {
  // A Mac is costly to obtain and not thread-safe; one per thread, re-keyed per use.
  private static final ThreadLocal<Mac> HMAC_SHA1 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA1");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("every Java runtime has HmacSHA1", e);
            }
          });

  private TwilioSignature() {}

  /**
   * The signature Twilio would send for {@code url} and {@code params}, keyed with {@code
   * authToken}.
   */
  public static String compute(String authToken, String url, Map<String, List<String>> params) {
    return Base64.getEncoder().encodeToString(hmac(authToken, signedText(url, params)));
  }

  /** Whether {@code signature} is Twilio's for this request, under any spelling of the URL. */
  public static boolean verify(
      String authToken, String url, Map<String, List<String>> params, String signature) {
    if (authToken == null || signature == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (String variant : SignedUrls.variants(url)) {
      // Each comparison is constant-time; which spelling matched is no secret, so stop at the
      // first.
      if (MessageDigest.isEqual(hmac(authToken, signedText(variant, params)), given)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code body} hashes to the hex SHA-256 that Twilio put in the URL as {@code
   * bodySHA256}.
   */
  public static boolean bodyMatches(byte[] body, String bodySha256Hex) {
    if (bodySha256Hex == null) {
      return false;
    }
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(bodySha256Hex.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(Secrets.sha256(body), expected);
  }

  static String signedText(String url, Map<String, List<String>> params) {
    StringBuilder text = new StringBuilder(url);
    for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(param.getValue());
      values.sort(null);
      for (String value : values) {
        text.append(param.getKey()).append(value);
      }
    }
    return text.toString();
  }

  private static byte[] hmac(String key, String text) {
    Mac mac = HMAC_SHA1.get();
    try {
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 refused a key", e);
    }
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }
}
