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
 * given several times contributes each value, values sorted), Base64.
 *
 * <p>The kit's own, not the server's: the kit plays Twilio, and a test of the server's check should
 * not be signed by the code it tests.
 */
public final class Signature {
  private Signature() {}

  /** The signature of a request to {@code url} with the form {@code params} (none for a GET). */
  public static String of(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(param.getValue());
      values.sort(null);
      for (String value : values) {
        data.append(param.getKey()).append(value);
      }
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }
}
