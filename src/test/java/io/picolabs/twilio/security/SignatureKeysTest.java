package io.picolabs.twilio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.security.SignatureKeys.Verdict;
import io.picolabs.twilio.testing.SignatureVector;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Shared-key webhook signatures: the key and algorithm named by {@code
 * X-Twilio-Webhooks-Signature-Settings} decide; without that header, the auth token (HMAC-SHA1)
 * unless a shared key is required. Expected signatures are computed here with javax.crypto, apart
 * from the code under test, and pinned as literals (also computed with Python's hmac module).
 */
class SignatureKeysTest {
  private static final String TOKEN = "12345";
  private static final String URL = SignatureVector.URL;
  private static final String KEY_ID = "KS00000000000000000000000000000001";
  private static final String SECRET = "KS-secret-1";
  private static final String OTHER_ID = "KS00000000000000000000000000000002";
  private static final String OTHER_SECRET = "KS-secret-2";

  /** The signed text of {@link #params()}: the URL, then each name and value, names sorted. */
  private static final String SIGNED_TEXT =
      URL
          + "CallSidCA1234567890ABCDE"
          + "Caller+14158675309"
          + "Digits1234"
          + "From+14158675309"
          + "To+18005551212";

  /** HMAC-SHA256 of {@link #SIGNED_TEXT} keyed with {@link #SECRET}, Base64. */
  private static final String SHA256_SIGNATURE = "0/DA0GRp/W7Y9Dl4Xy0yA8N1PqaYh4Xv4bVjjvuZJ5A=";

  /** HMAC-SHA1 of {@link #SIGNED_TEXT} keyed with {@link #SECRET}, Base64. */
  private static final String SHA1_SIGNATURE = "P2EUd6ks/bQHyvVccOdJddjRlcc=";

  /** Twilio's published vector: HMAC-SHA1 keyed with the auth token {@link #TOKEN}. */
  private static final String TOKEN_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

  private static final Supplier<Optional<String>> THE_TOKEN = () -> Optional.of(TOKEN);

  private static Map<String, List<String>> params() {
    return SignatureVector.params();
  }

  private static String hmac(String jcaName, String secret, String text)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance(jcaName);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaName));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static SignatureKeys keys(boolean requireSharedKey) {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put(KEY_ID, SECRET);
    secrets.put(OTHER_ID, OTHER_SECRET);
    return new SignatureKeys(secrets, requireSharedKey);
  }

  private static Verdict verify(SignatureKeys keys, String settings, String signature) {
    return keys.verify(settings, THE_TOKEN, URL, params(), signature);
  }

  private static String settings(String keyId, String algorithm) {
    return "key=" + keyId + ",algorithm=" + algorithm;
  }

  @Test
  void theExpectedSignaturesAreTheHmacsOfTheSignedText() throws GeneralSecurityException {
    assertEquals(SHA256_SIGNATURE, hmac("HmacSHA256", SECRET, SIGNED_TEXT));
    assertEquals(SHA1_SIGNATURE, hmac("HmacSHA1", SECRET, SIGNED_TEXT));
    assertEquals(TOKEN_SIGNATURE, hmac("HmacSHA1", TOKEN, SIGNED_TEXT));
    assertEquals(
        SHA256_SIGNATURE,
        TwilioSignature.compute(HmacAlgorithm.HMAC_SHA256, SECRET, URL, params()));
    assertEquals(
        SHA1_SIGNATURE, TwilioSignature.compute(HmacAlgorithm.HMAC_SHA1, SECRET, URL, params()));
  }

  @Test
  void theRightKeyWithSha256IsValid() {
    assertEquals(
        Verdict.VALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), SHA256_SIGNATURE));
  }

  @Test
  void eachOfSeveralKeysIsValidForItsOwnSignatureOnly() throws GeneralSecurityException {
    String other = hmac("HmacSHA256", OTHER_SECRET, SIGNED_TEXT);
    assertEquals(Verdict.VALID, verify(keys(false), settings(OTHER_ID, "HMAC_SHA256"), other));
    assertEquals(
        Verdict.INVALID, verify(keys(false), settings(OTHER_ID, "HMAC_SHA256"), SHA256_SIGNATURE));
    assertEquals(Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), other));
  }

  @Test
  void theUrlWithTheDefaultPortIsAcceptedAsForTheToken() throws GeneralSecurityException {
    String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    String signedWithPort =
        hmac("HmacSHA256", SECRET, SIGNED_TEXT.replace(URL, withPort)); // Twilio's other spelling
    assertEquals("z7wQ9XytPJYCqXu/TzkUb676BviUw3ZZKcIcuSuXGQQ=", signedWithPort);
    assertEquals(
        Verdict.VALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), signedWithPort));
  }

  @Test
  void aSignatureWithAnotherSecretIsInvalid() throws GeneralSecurityException {
    String wrongSecret = hmac("HmacSHA256", "not-the-secret", SIGNED_TEXT);
    assertEquals(
        Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), wrongSecret));
    assertEquals("invalid X-Twilio-Signature", Verdict.INVALID.message());
  }

  @Test
  void theAlgorithmTheHeaderNamesIsTheOneChecked() {
    // the SHA-1 of the key under a header that says SHA-256, and the other way round
    assertEquals(
        Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), SHA1_SIGNATURE));
    assertEquals(
        Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA1"), SHA256_SIGNATURE));
  }

  @Test
  void sha1ThroughTheSettingsHeaderIsValid() {
    assertEquals(Verdict.VALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA1"), SHA1_SIGNATURE));
    // the header names a key: the auth token's signature does not count, whatever the algorithm
    assertEquals(
        Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA1"), TOKEN_SIGNATURE));
  }

  @Test
  void anUnknownKeyIdIsRefusedEvenWithTheTokensSignature() {
    String unknown = "KS99999999999999999999999999999999";
    assertEquals(
        Verdict.UNKNOWN_KEY,
        verify(keys(false), settings(unknown, "HMAC_SHA256"), SHA256_SIGNATURE));
    assertEquals(
        Verdict.UNKNOWN_KEY, verify(keys(false), settings(unknown, "HMAC_SHA1"), TOKEN_SIGNATURE));
    assertEquals(
        Verdict.UNKNOWN_KEY,
        new SignatureKeys(Map.of(), false)
            .verify(settings(KEY_ID, "HMAC_SHA256"), THE_TOKEN, URL, params(), SHA256_SIGNATURE));
    assertEquals(
        "unknown key in X-Twilio-Webhooks-Signature-Settings", Verdict.UNKNOWN_KEY.message());
  }

  @Test
  void anUnknownAlgorithmIsRefused() {
    for (String algorithm : List.of("HMAC_SHA512", "hmac_sha256", "HmacSHA256", "SHA256", "NONE")) {
      assertEquals(
          Verdict.UNKNOWN_ALGORITHM,
          verify(keys(false), settings(KEY_ID, algorithm), SHA256_SIGNATURE),
          algorithm);
    }
    assertEquals(
        "unsupported algorithm in X-Twilio-Webhooks-Signature-Settings",
        Verdict.UNKNOWN_ALGORITHM.message());
  }

  @Test
  void aMalformedHeaderIsRefused() {
    List<String> malformed =
        List.of(
            "",
            " ",
            "HMAC_SHA256",
            "key=" + KEY_ID,
            "algorithm=HMAC_SHA256",
            "key=" + KEY_ID + ";algorithm=HMAC_SHA256",
            "key=,algorithm=HMAC_SHA256",
            "key=" + KEY_ID + ",algorithm=",
            "=" + KEY_ID + ",algorithm=HMAC_SHA256",
            "key=" + KEY_ID + ",algorithm=HMAC_SHA256,",
            "key=" + KEY_ID + ",,algorithm=HMAC_SHA256",
            // two headers, as JAX-RS joins them: a key named twice
            settings(KEY_ID, "HMAC_SHA256") + "," + settings(OTHER_ID, "HMAC_SHA256"),
            "key=" + KEY_ID + ",algorithm=HMAC_SHA256,algorithm=HMAC_SHA1");
    List<String> accepted = new ArrayList<>();
    for (String header : malformed) {
      if (verify(keys(false), header, SHA256_SIGNATURE) != Verdict.MALFORMED_SETTINGS) {
        accepted.add(header);
      }
    }
    assertEquals(List.of(), accepted, "headers not refused as malformed");
    assertEquals(
        "malformed X-Twilio-Webhooks-Signature-Settings", Verdict.MALFORMED_SETTINGS.message());
  }

  @Test
  void spacesAnyOrderAndParametersOfTheFutureAreRead() {
    for (String header :
        List.of(
            " key = " + KEY_ID + " , algorithm = HMAC_SHA256 ",
            "algorithm=HMAC_SHA256,key=" + KEY_ID,
            "key=" + KEY_ID + ",algorithm=HMAC_SHA256,version=2")) {
      assertEquals(Verdict.VALID, verify(keys(false), header, SHA256_SIGNATURE), header);
    }
  }

  @Test
  void withoutTheHeaderTheAuthTokenChecksAsBefore() {
    assertEquals(Verdict.VALID, verify(keys(false), null, TOKEN_SIGNATURE));
    assertEquals(Verdict.INVALID, verify(keys(false), null, SHA256_SIGNATURE));
    assertEquals(Verdict.INVALID, verify(keys(false), null, SHA1_SIGNATURE));
    assertEquals(
        Verdict.NO_AUTH_TOKEN,
        keys(false).verify(null, Optional::empty, URL, params(), TOKEN_SIGNATURE));
    assertEquals("invalid X-Twilio-Signature", Verdict.NO_AUTH_TOKEN.message());
  }

  @Test
  void theAuthTokenIsNotAskedForWhenAKeyIsNamed() {
    Supplier<Optional<String>> never =
        () -> {
          throw new AssertionError("the auth token was asked for");
        };
    assertEquals(
        Verdict.VALID,
        keys(false)
            .verify(settings(KEY_ID, "HMAC_SHA256"), never, URL, params(), SHA256_SIGNATURE));
    assertEquals(
        Verdict.SHARED_KEY_REQUIRED,
        keys(true).verify(null, never, URL, params(), TOKEN_SIGNATURE));
  }

  @Test
  void withASharedKeyRequiredTheAuthTokenIsRefused() {
    assertEquals(Verdict.SHARED_KEY_REQUIRED, verify(keys(true), null, TOKEN_SIGNATURE));
    assertEquals(
        Verdict.VALID, verify(keys(true), settings(KEY_ID, "HMAC_SHA256"), SHA256_SIGNATURE));
    assertEquals(
        "missing X-Twilio-Webhooks-Signature-Settings: webhooks must be signed with a shared key",
        Verdict.SHARED_KEY_REQUIRED.message());
  }

  @Test
  void aBrokenSignatureIsInvalidNotAnError() {
    for (String signature : List.of("", "not base64!", "AAAA")) {
      assertEquals(
          Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), signature));
    }
    assertEquals(Verdict.INVALID, verify(keys(false), settings(KEY_ID, "HMAC_SHA256"), null));
  }

  @Test
  void theKeyIdsAreKeptInOrder() {
    assertEquals(List.of(KEY_ID, OTHER_ID), List.copyOf(keys(false).keyIds()));
    assertTrue(keys(true).requireSharedKey());
  }
}
