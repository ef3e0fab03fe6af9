package io.picolabs.twilio.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The webhooks' URL pattern under each way of writing an application path or servlet mapping. */
class WebhookFilterSetupTest {

  @Test
  void theWebhooksAreUnderTheApplicationsPath() {
    assertEquals("/api/twilio/*", WebhookFilterSetup.webhooks("/api"));
    assertEquals("/api/twilio/*", WebhookFilterSetup.webhooks("api/"));
    assertEquals("/api/twilio/*", WebhookFilterSetup.webhooks("/api/*"));
    assertEquals("/shop/api/twilio/*", WebhookFilterSetup.webhooks(" /shop/api "));
  }

  @Test
  void atTheRootTheyAreUnderTwilio() {
    assertEquals("/twilio/*", WebhookFilterSetup.webhooks("/"));
    assertEquals("/twilio/*", WebhookFilterSetup.webhooks("/*"));
    assertEquals("/twilio/*", WebhookFilterSetup.webhooks(""));
  }
}
