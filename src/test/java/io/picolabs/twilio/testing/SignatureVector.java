package io.picolabs.twilio.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twilio's published request of its signature example (twilio-facts.md): the URL and the POST
 * parameters every signature test signs, the server's and the kit's alike.
 */
public final class SignatureVector {
  /** The URL Twilio requested. */
  public static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

  private SignatureVector() {}

  /** The POST parameters, in the order Twilio sent them (a fresh, mutable map). */
  public static Map<String, List<String>> params() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("Digits", List.of("1234"));
    params.put("CallSid", List.of("CA1234567890ABCDE"));
    params.put("To", List.of("+18005551212"));
    params.put("Caller", List.of("+14158675309"));
    params.put("From", List.of("+14158675309"));
    return params;
  }
}
