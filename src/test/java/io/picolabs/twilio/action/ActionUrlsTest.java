package io.picolabs.twilio.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActionUrlsTest {
  private final ActionUrls urls = new ActionUrls("/app", () -> "https://voice.example.com");

  @Test
  void eventTypesBecomeWebhookPaths() {
    assertEquals("/app/twilio/monkey_handle", urls.resolve("monkey_handle"));
    assertEquals(
        "https://voice.example.com/app/twilio/monkey_handle", urls.absolute("monkey_handle"));
  }

  @Test
  void urlsStayAsGivenAndPathsGainTheOriginForTheRestApi() {
    assertEquals("next.xml", urls.resolve("next.xml"));
    assertEquals("/other", urls.resolve("/other"));
    assertEquals("https://voice.example.com/other", urls.absolute("/other"));
    assertEquals("https://x.test/a?b=1", urls.absolute("https://x.test/a?b=1"));
    assertNull(urls.absolute(null));
  }

  @Test
  void withoutAnOriginAbsoluteUrlsAskForThePublicUrl() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> new ActionUrls("").absolute("status"));
    assertEquals(
        "no origin to make an absolute URL of /twilio/status: set twilio.webhook.public-url",
        error.getMessage());
  }
}
