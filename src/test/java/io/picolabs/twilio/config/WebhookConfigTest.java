package io.picolabs.twilio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.config.WebhookConfig.SharedKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared keys: comma-separated id:secret pairs, refused at start when malformed. */
class WebhookConfigTest {

  private static WebhookConfig webhook(Map<String, String> settings) {
    return WebhookConfig.of(new MapConfig(settings));
  }

  private static String refusal(Map<String, String> settings) {
    return assertThrows(IllegalArgumentException.class, () -> webhook(settings)).getMessage();
  }

  private static String refusalOfKeys(String pairs) {
    return refusal(Map.of("twilio.webhook.shared-keys", pairs));
  }

  @Test
  void byDefaultNoSharedKeyAndTheAuthTokenTrusted() {
    WebhookConfig config = webhook(Map.of());
    assertEquals(List.of(), config.sharedKeys());
    assertFalse(config.requireSharedKey());
  }

  @Test
  void pairsAreReadInOrderSpacesAroundIgnoredAndASecretMayHoldColons() {
    WebhookConfig config =
        webhook(
            Map.of(
                "twilio.webhook.shared-keys",
                " KS1:first-secret , KS2 : second:with:colons ",
                "twilio.webhook.require-shared-key",
                "true"));
    assertEquals(
        List.of(new SharedKey("KS1", "first-secret"), new SharedKey("KS2", "second:with:colons")),
        config.sharedKeys());
    assertTrue(config.requireSharedKey());
  }

  @Test
  void aBlankValueIsNoKey() {
    assertEquals(List.of(), webhook(Map.of("twilio.webhook.shared-keys", "  ")).sharedKeys());
  }

  @Test
  void aPairWithoutAColonIsRefusedWithoutQuotingIt() {
    String message = refusalOfKeys("KS1:one,just-a-secret");
    assertEquals(
        "twilio.webhook.shared-keys (TWILIO_WEBHOOK_SHARED_KEYS) is malformed: pair 2 of 2 has no"
            + " ':' between its key id and its secret. Give comma-separated <key id>:<secret>"
            + " pairs.",
        message);
  }

  @Test
  void anEmptyIdIsRefused() {
    assertEquals(
        "twilio.webhook.shared-keys (TWILIO_WEBHOOK_SHARED_KEYS) is malformed: pair 1 of 1 has an"
            + " empty key id. Give comma-separated <key id>:<secret> pairs.",
        refusalOfKeys(" :secret"));
  }

  @Test
  void anEmptySecretIsRefused() {
    assertEquals(
        "twilio.webhook.shared-keys (TWILIO_WEBHOOK_SHARED_KEYS) is malformed: pair 2 of 2 has an"
            + " empty secret. Give comma-separated <key id>:<secret> pairs.",
        refusalOfKeys("KS1:one,KS2: "));
  }

  @Test
  void aRepeatedIdIsRefusedNamingBothPairs() {
    assertEquals(
        "twilio.webhook.shared-keys (TWILIO_WEBHOOK_SHARED_KEYS) is malformed: pair 3 of 3"
            + " repeats the key id of pair 1; give each key once. Give comma-separated"
            + " <key id>:<secret> pairs.",
        refusalOfKeys("KS1:one,KS2:two,KS1:three"));
  }

  @Test
  void anEmptyPairIsRefused() {
    assertEquals(
        "twilio.webhook.shared-keys (TWILIO_WEBHOOK_SHARED_KEYS) is malformed: pair 2 of 2 is"
            + " empty. Give comma-separated <key id>:<secret> pairs.",
        refusalOfKeys("KS1:one,"));
  }

  @Test
  void noRefusalQuotesASecret() {
    for (String pairs :
        List.of("KS1:s3cr3t,s3cr3t", "KS1:s3cr3t,:s3cr3t", "KS1:s3cr3t,KS1:s3cr3t", "s3cr3t:")) {
      String message = refusalOfKeys(pairs);
      assertFalse(message.contains("s3cr3t"), message);
    }
  }

  @Test
  void requiringASharedKeyWithoutOneIsRefused() {
    assertEquals(
        "twilio.webhook.require-shared-key is true but twilio.webhook.shared-keys"
            + " (TWILIO_WEBHOOK_SHARED_KEYS) sets no key: every webhook would be refused. Set the"
            + " shared keys, or turn twilio.webhook.require-shared-key off.",
        refusal(Map.of("twilio.webhook.require-shared-key", "true")));
  }

  @Test
  void aKeyShowsItsIdAndNeverItsSecret() {
    SharedKey key = new SharedKey("KS1", "s3cr3t");
    assertEquals("SharedKey[id=KS1, secret=(hidden)]", key.toString());
    String config =
        webhook(Map.of("twilio.webhook.shared-keys", "KS1:s3cr3t")).toString(); // as a log would
    assertFalse(config.contains("s3cr3t"), config);
  }
}
