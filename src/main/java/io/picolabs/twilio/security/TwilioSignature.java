package io.picolabs.twilio.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of an HMAC over the URL Twilio requested followed by
 * each POST parameter's name and value, names sorted. HMAC-SHA1 keyed with the auth token, unless
 * the account signs with a shared key ({@link SignatureKeys}): then the algorithm and secret are
 * the key's, and the signed text the same.
 *
 * <p>Where the official SDKs go wrong, this does not: a name given several times contributes every
 * value, values sorted; the URL is tried with and without its default port, never decoded; the
 * comparison is constant-time. JSON bodies are covered by {@code bodySHA256} in the signed URL
 * ({@link #bodyMatches}).
 */
public final class TwilioSignature {
  // A Mac keyed with each token or shared key, cloned for each signature: a Mac is costly to
  // obtain and to key and not thread-safe, while a clone of a keyed one is cheap. Held by this
  // class, not by the server's threads (no ThreadLocal), so nothing of the application or its
  // tokens outlives an undeploy on a pooled thread. Secrets come from configuration: a handful.
  private static final Map<Keying, Mac> KEYED = new ConcurrentHashMap<>();
  private static final int MOST_TOKENS = 64;

  /** A secret with the algorithm it keys: the same secret keys SHA-1 and SHA-256 apart. */
  private record Keying(HmacAlgorithm algorithm, String secret) {
    @Override
    public String toString() {
      return algorithm + " keyed with a secret"; // never the secret itself
    }
  }

  private TwilioSignature() {}

  /**
   * The signature Twilio would send for {@code url} and {@code params}, keyed with {@code
   * authToken} (HMAC-SHA1).
   */
  public static String compute(String authToken, String url, Map<String, List<String>> params) {
    return compute(HmacAlgorithm.HMAC_SHA1, authToken, url, params);
  }

  /**
   * The signature Twilio would send for {@code url} and {@code params} with {@code algorithm} keyed
   * with the UTF-8 bytes of {@code secret} (a shared key's).
   */
  public static String compute(
      HmacAlgorithm algorithm, String secret, String url, Map<String, List<String>> params) {
    return Base64.getEncoder().encodeToString(new Signer(algorithm, secret, params).sign(url));
  }

  /**
   * Whether {@code signature} is Twilio's HMAC-SHA1 with {@code authToken} for this request, under
   * any spelling of the URL.
   */
  public static boolean verify(
      String authToken, String url, Map<String, List<String>> params, String signature) {
    return verify(HmacAlgorithm.HMAC_SHA1, authToken, url, params, signature);
  }

  /**
   * Whether {@code signature} is Twilio's {@code algorithm} keyed with {@code secret} for this
   * request, under any spelling of the URL.
   */
  public static boolean verify(
      HmacAlgorithm algorithm,
      String secret,
      String url,
      Map<String, List<String>> params,
      String signature) {
    if (secret == null || secret.isEmpty() || signature == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    Signer signer = new Signer(algorithm, secret, params);
    // Each comparison is constant-time; which spelling matched is no secret, so the other spelling
    // is only tried (and only built) when the URL as given does not match.
    if (MessageDigest.isEqual(signer.sign(url), given)) {
      return true;
    }
    String other = SignedUrls.otherSpelling(url);
    return other != null && MessageDigest.isEqual(signer.sign(other), given);
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

  /** The text that is signed: the URL, then each name with each of its values, all sorted. */
  static String signedText(String url, Map<String, List<String>> params) {
    StringBuilder text = new StringBuilder(url);
    for (String name : sortedNames(params)) {
      for (String value : sortedValues(params.get(name))) {
        text.append(name).append(value);
      }
    }
    return text.toString();
  }

  private static String[] sortedNames(Map<String, List<String>> params) {
    String[] names = params.keySet().toArray(new String[0]);
    Arrays.sort(names);
    return names;
  }

  private static List<String> sortedValues(List<String> values) {
    if (values.size() < 2) {
      return values;
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted;
  }

  /** A Mac of {@code algorithm} keyed with {@code secret}, of this caller's own. */
  private static Mac keyed(HmacAlgorithm algorithm, String secret) {
    Keying keying = new Keying(algorithm, secret);
    Mac prototype = KEYED.get(keying);
    if (prototype == null) {
      prototype = newKeyed(keying);
      if (KEYED.size() >= MOST_TOKENS) {
        KEYED.clear(); // not a cache of request data: configuration has a handful of secrets
      }
      KEYED.put(keying, prototype);
    }
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      // a provider whose Macs cannot be cloned: key a new one
      KEYED.remove(keying);
      return newKeyed(keying);
    }
  }

  private static Mac newKeyed(Keying keying) {
    String name = keying.algorithm().jcaName();
    try {
      Mac mac = Mac.getInstance(name);
      mac.init(new SecretKeySpec(keying.secret().getBytes(StandardCharsets.UTF_8), name));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(name + " is missing or refused the key", e);
    }
  }

  /**
   * The signatures of one request: a keyed Mac (after {@code doFinal} it is ready for the next
   * spelling of the URL) and the bytes of the parameters' part of the signed text. That part
   * follows the URL, so no hashing can be shared between spellings, but sorting and encoding can:
   * they are done once, and each spelling encodes only its URL.
   */
  private static final class Signer {
    private final Mac mac;
    private byte[] buffer = new byte[2048];
    private int length;

    Signer(HmacAlgorithm algorithm, String secret, Map<String, List<String>> params) {
      this.mac = keyed(algorithm, secret);
      for (String name : sortedNames(params)) {
        for (String value : sortedValues(params.get(name))) {
          append(name);
          append(value);
        }
      }
    }

    byte[] sign(String url) {
      mac.update(url.getBytes(StandardCharsets.UTF_8));
      mac.update(buffer, 0, length);
      return mac.doFinal();
    }

    /** Appends the UTF-8 bytes of {@code text} (for ASCII the JDK copies them in one go). */
    private void append(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, buffer, length, utf8.length);
      length += utf8.length;
    }

    private void ensure(int more) {
      if (length + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      }
    }
  }
}
