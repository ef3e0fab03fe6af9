package io.picolabs.twilio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.SignatureVector;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = SignatureVector.URL;

  private static Map<String, List<String>> params() {
    return SignatureVector.params();
  }

  @Test
  void twiliosPublishedVector() {
    assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.compute(TOKEN, URL, params()));
    assertTrue(TwilioSignature.verify(TOKEN, URL, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
  }

  @Test
  void thePublishedVectorWithTheDefaultPort() {
    String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    assertEquals(
        "kvajT1Ptam85bY51eRf/AJRuM3w=", TwilioSignature.compute(TOKEN, withPort, params()));
    // Twilio may sign either spelling: each request URL accepts both signatures.
    assertTrue(TwilioSignature.verify(TOKEN, URL, params(), "kvajT1Ptam85bY51eRf/AJRuM3w="));
    assertTrue(TwilioSignature.verify(TOKEN, withPort, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    assertTrue(TwilioSignature.verify(TOKEN, withPort, params(), "kvajT1Ptam85bY51eRf/AJRuM3w="));
  }

  @Test
  void portVariantsKeepTheQueryEncoded() {
    assertEquals(
        "https://h.test:443/a?x=%3A%2F", SignedUrls.otherSpelling("https://h.test/a?x=%3A%2F"));
    assertEquals("http://h.test/a?x=%3A", SignedUrls.otherSpelling("http://h.test:80/a?x=%3A"));
    assertNull(SignedUrls.otherSpelling("http://h.test:9080/a"));
    assertEquals("https://[::1]:443/a", SignedUrls.otherSpelling("https://[::1]/a"));
    assertEquals("https://h.test:443", SignedUrls.otherSpelling("https://h.test"));
    assertNull(SignedUrls.otherSpelling("ftp://h.test/a"));
    assertNull(SignedUrls.otherSpelling("/relative"));
    String encoded = "https://h.test/a?t=2026-11-27T12%3A00%3A00Z";
    String signature = TwilioSignature.compute(TOKEN, encoded, Map.of());
    assertTrue(
        TwilioSignature.verify(
            TOKEN, "https://h.test:443/a?t=2026-11-27T12%3A00%3A00Z", Map.of(), signature));
    assertFalse(
        TwilioSignature.verify(
            TOKEN, "https://h.test/a?t=2026-11-27T12:00:00Z", Map.of(), signature));
  }

  @Test
  void behindAProxyTheSignedUrlIsThePublicOne() {
    String signed =
        SignedUrls.behind("https://voice.example.com/", "/app/twilio/inbound_call", "a=%3A1");
    assertEquals("https://voice.example.com/app/twilio/inbound_call?a=%3A1", signed);
    assertEquals(
        "https://voice.example.com/base/twilio/x",
        SignedUrls.behind("https://voice.example.com/base", "/twilio/x", null));
    String signature = TwilioSignature.compute(TOKEN, signed, params());
    assertTrue(TwilioSignature.verify(TOKEN, signed, params(), signature));
    assertFalse(
        TwilioSignature.verify(
            TOKEN, "http://10.0.0.5:9080/app/twilio/inbound_call?a=%3A1", params(), signature));
  }

  @Test
  void repeatedNamesContributeEveryValueSorted() {
    Map<String, List<String>> params = Map.of("MediaUrl", List.of("b", "a"), "Body", List.of("x"));
    assertEquals("urlBodyxMediaUrlaMediaUrlb", TwilioSignature.signedText("url", params));
    String signature = TwilioSignature.compute(TOKEN, URL, params);
    assertTrue(
        TwilioSignature.verify(
            TOKEN, URL, Map.of("MediaUrl", List.of("a", "b"), "Body", List.of("x")), signature));
    assertFalse(
        TwilioSignature.verify(
            TOKEN, URL, Map.of("MediaUrl", List.of("a"), "Body", List.of("x")), signature));
  }

  @Test
  void getRequestsSignTheUrlAlone() {
    String url = "https://h.test/twilio/inbound_call?From=%2B911&CallSid=CA1";
    String signature = TwilioSignature.compute(TOKEN, url, Map.of());
    assertEquals(signature, TwilioSignature.compute(TOKEN, url, Map.of()));
    assertTrue(TwilioSignature.verify(TOKEN, url, Map.of(), signature));
    assertFalse(TwilioSignature.verify(TOKEN, url.replace("911", "912"), Map.of(), signature));
  }

  @Test
  void jsonBodiesAreCoveredByTheirHash() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(Secrets.sha256(body));
    assertTrue(TwilioSignature.bodyMatches(body, hex));
    assertTrue(TwilioSignature.bodyMatches(body, hex.toUpperCase()));
    assertFalse(TwilioSignature.bodyMatches("{\"a\":2}".getBytes(StandardCharsets.UTF_8), hex));
    assertFalse(TwilioSignature.bodyMatches(body, "zz"));
    assertFalse(TwilioSignature.bodyMatches(body, null));
  }

  @Test
  void aWrongTokenOrAMalformedSignatureFails() {
    String signature = TwilioSignature.compute(TOKEN, URL, params());
    assertFalse(TwilioSignature.verify("54321", URL, params(), signature));
    assertFalse(TwilioSignature.verify(TOKEN, URL, params(), "not base64!"));
    assertFalse(TwilioSignature.verify(TOKEN, URL, params(), ""));
    assertFalse(TwilioSignature.verify(TOKEN, URL, params(), null));
    assertFalse(TwilioSignature.verify(null, URL, params(), signature));
  }

  @Test
  void changingAnyOneCharacterAnywhereBreaksTheSignature() {
    String signature = TwilioSignature.compute(TOKEN, URL, params());
    for (int i = 0; i < URL.length(); i++) {
      String changed = URL.substring(0, i) + (char) (URL.charAt(i) ^ 1) + URL.substring(i + 1);
      assertFalse(TwilioSignature.verify(TOKEN, changed, params(), signature), changed);
    }
    for (String name : params().keySet()) {
      String value = params().get(name).get(0);
      for (int i = 0; i < value.length(); i++) {
        Map<String, List<String>> changed = params();
        changed.put(
            name,
            List.of(value.substring(0, i) + (char) (value.charAt(i) ^ 1) + value.substring(i + 1)));
        assertFalse(
            TwilioSignature.verify(TOKEN, URL, changed, signature), name + "=" + changed.get(name));
      }
      Map<String, List<String>> renamed = params();
      renamed.put(name.toLowerCase(), renamed.remove(name));
      assertFalse(TwilioSignature.verify(TOKEN, URL, renamed, signature), name);
    }
    for (int i = 0;
        i < signature.length() - 1;
        i++) { // the last character also carries padding bits
      char c = signature.charAt(i);
      String changed =
          signature.substring(0, i) + (c == 'A' ? 'B' : 'A') + signature.substring(i + 1);
      assertFalse(TwilioSignature.verify(TOKEN, URL, params(), changed), changed);
    }
  }

  @Test
  void secretsCompareByValue() {
    assertTrue(Secrets.equal("token", "token"));
    assertFalse(Secrets.equal("token", "token "));
    assertFalse(Secrets.equal("token", null));
  }
}
