package io.picolabs.twilio.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The status callback URL every send carries, naming its outbox entry when it comes back here. */
class OutboundTest {
  final ActionUrls urls = new ActionUrls("/app", () -> "https://voice.example.com");

  @Test
  void byDefaultTheCallbackIsThisServersStatusWebhookWithTheEntry() {
    assertEquals(
        "https://voice.example.com/app/twilio/sms_status?outbox=e1",
        Outbound.statusCallback(urls, null, "sms_status", "e1"));
    assertEquals(
        "https://voice.example.com/app/twilio/call_status?outbox=e1",
        Outbound.statusCallback(urls, null, "call_status", "e1"));
  }

  @Test
  void anEventTypeOrPathOfThisServerGetsTheEntryInItsSortedQuery() {
    assertEquals(
        "https://voice.example.com/app/twilio/delivery?outbox=e1&step=2",
        Outbound.statusCallback(urls, "delivery?step=2", "sms_status", "e1"));
    assertEquals(
        "https://voice.example.com/app/twilio/delivery?outbox=e1",
        Outbound.statusCallback(urls, "/app/twilio/delivery", "sms_status", "e1"));
  }

  @Test
  void aUrlElsewhereGetsNoEntry() {
    // its query sorted, as in every URL this server gives Twilio (see ActionUrls)
    assertEquals(
        "https://hooks.example.org/status?a=1&b=2",
        Outbound.statusCallback(
            urls, "https://hooks.example.org/status?b=2&a=1", "sms_status", "e1"));
  }

  @Test
  void withoutAnOriginTheSendFailsNamingTheSetting() {
    ActionUrls nowhere = new ActionUrls("");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Outbound.statusCallback(nowhere, null, "sms_status", "e1"));
    assertEquals(
        "no origin to make an absolute URL of /twilio/sms_status: set twilio.webhook.public-url",
        e.getMessage());
  }
}
