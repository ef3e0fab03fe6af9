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
  void queriesAreEmittedSorted() {
    assertEquals("/app/twilio/menu?a=1&step=2", urls.resolve("menu?step=2&a=1"));
    assertEquals("https://x.test/p?a=%3A&b=2#f", urls.resolve("https://x.test/p?b=2&a=%3A#f"));
    assertEquals("https://x.test/p?", urls.resolve("https://x.test/p?"));
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
