package io.picolabs.twilio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.picolabs.twilio.testing.SignatureVector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's shared keys sign as Twilio does, the same vectors as the server's SignatureKeysTest.
 */
class SharedKeyTest {
  private static final String URL = SignatureVector.URL;

  private static Map<String, List<String>> params() {
    return SignatureVector.params();
  }

  @Test
  void signsWithSha256ByDefaultAndSha1WhenSaid() {
    SharedKey key = SharedKey.of("KS1", "KS-secret-1");
    assertEquals("HMAC_SHA256", key.algorithm());
    assertEquals("key=KS1,algorithm=HMAC_SHA256", key.settingsHeader());
    assertEquals("0/DA0GRp/W7Y9Dl4Xy0yA8N1PqaYh4Xv4bVjjvuZJ5A=", key.sign(URL, params()));
    SharedKey sha1 = new SharedKey("KS1", "KS-secret-1", SharedKey.HMAC_SHA1);
    assertEquals("key=KS1,algorithm=HMAC_SHA1", sha1.settingsHeader());
    assertEquals("P2EUd6ks/bQHyvVccOdJddjRlcc=", sha1.sign(URL, params()));
    // the auth token's signature is unchanged: Twilio's published vector
    assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", Signature.of("12345", URL, params()));
  }

  @Test
  void onlyWhatTwilioCouldSendIsMade() {
    assertEquals(
        "Twilio signs with HMAC_SHA256 or HMAC_SHA1, not HMAC_SHA512",
        assertThrows(IllegalArgumentException.class, () -> new SharedKey("KS1", "s", "HMAC_SHA512"))
            .getMessage());
    assertEquals(
        "shared key KS1 needs its secret",
        assertThrows(IllegalArgumentException.class, () -> SharedKey.of("KS1", "")).getMessage());
    for (String id : new String[] {"", "KS:1", "KS,1", null}) {
      assertEquals(
          "a shared key needs an id without ',' and ':'",
          assertThrows(IllegalArgumentException.class, () -> SharedKey.of(id, "s")).getMessage());
    }
  }

  @Test
  void itsSecretNeverShows() {
    assertEquals(
        "SharedKey[id=KS1, algorithm=HMAC_SHA256, secret=(hidden)]",
        SharedKey.of("KS1", "s3cr3t").toString());
  }
}
