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
  // Per thread: a Mac keyed with the last token used (a Mac is costly to obtain and to key, and not
  // thread-safe; after doFinal it is ready for the same key again), and a buffer for the bytes.
  private static final ThreadLocal<Signer> SIGNER = ThreadLocal.withInitial(Signer::new);

  private TwilioSignature() {}

  /**
   * The signature Twilio would send for {@code url} and {@code params}, keyed with {@code
   * authToken}.
   */
  public static String compute(String authToken, String url, Map<String, List<String>> params) {
    return Base64.getEncoder().encodeToString(SIGNER.get().sign(authToken, url, params));
  }

  /** Whether {@code signature} is Twilio's for this request, under any spelling of the URL. */
  public static boolean verify(
      String authToken, String url, Map<String, List<String>> params, String signature) {
    if (authToken == null || authToken.isEmpty() || signature == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    Signer signer = SIGNER.get();
    // Each comparison is constant-time; which spelling matched is no secret, so the other spelling
    // is only tried (and only built) when the URL as given does not match.
    if (MessageDigest.isEqual(signer.sign(authToken, url, params), given)) {
      return true;
    }
    String other = SignedUrls.otherSpelling(url);
    return other != null && MessageDigest.isEqual(signer.sign(authToken, other, params), given);
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

  private static final class Signer {
    private final Mac mac;
    private String key;
    private byte[] buffer = new byte[2048];
    private int length;

    Signer() {
      try {
        mac = Mac.getInstance("HmacSHA1");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every Java runtime has HmacSHA1", e);
      }
    }

    byte[] sign(String authToken, String url, Map<String, List<String>> params) {
      if (!authToken.equals(key)) {
        try {
          mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("HmacSHA1 refused a key", e);
        }
        key = authToken;
      }
      length = 0;
      append(url);
      for (String name : sortedNames(params)) {
        for (String value : sortedValues(params.get(name))) {
          append(name);
          append(value);
        }
      }
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
