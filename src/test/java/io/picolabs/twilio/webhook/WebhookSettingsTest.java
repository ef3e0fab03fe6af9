package io.picolabs.twilio.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.config.MapConfig;
import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.rest.TwilioAccounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether webhooks can be verified: an auth token or a shared key is enough. */
class WebhookSettingsTest {

  private static WebhookSettings settings(Map<String, String> values) {
    MapConfig config = new MapConfig(values);
    WebhookSettings settings = new WebhookSettings();
    settings.config = WebhookConfig.of(config);
    settings.accounts = new TwilioAccounts(key -> config.getOptionalValue(key, String.class));
    settings.read();
    return settings;
  }

  @Test
  void withNeitherTokenNorKeyEveryWebhookWouldBeRefused() {
    assertEquals(
        Optional.of(
            "twilio.auth-token (TWILIO_AUTH_TOKEN) is not set: every webhook will be refused with"
                + " 403 until it is"),
        settings(Map.of()).unverifiable());
  }

  @Test
  void aSharedKeyAloneIsEnough() {
    WebhookSettings settings = settings(Map.of("twilio.webhook.shared-keys", "KS1:one, KS2:two"));
    assertEquals(Optional.empty(), settings.unverifiable());
    assertEquals(List.of("KS1", "KS2"), List.copyOf(settings.signatureKeys().keyIds()));
  }

  @Test
  void aTokenAloneIsEnoughAndNothingIsCheckedWithValidationOff() {
    assertEquals(Optional.empty(), settings(Map.of("twilio.auth-token", "t")).unverifiable());
    assertEquals(
        Optional.empty(),
        settings(Map.of("twilio.webhook.validate-signature", "false")).unverifiable());
  }
}
