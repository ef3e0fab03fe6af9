package io.picolabs.twilio.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.webhook.WebhookAnswered.Outcome;
import org.junit.jupiter.api.Test;

class WebhookOutcomesTest {

  @Test
  void whatTheResourceAnsweredKeepsTheTypeOfTheUrl() {
    assertEquals(
        new WebhookAnswered("inbound_call", Outcome.ANSWERED),
        WebhookOutcomes.of(Outcome.ANSWERED, "inbound_call", 200));
    assertEquals(
        new WebhookAnswered("inbound_call", Outcome.FALLBACK),
        WebhookOutcomes.of(Outcome.FALLBACK, "inbound_call", 200));
    assertEquals(
        new WebhookAnswered("inbound_sms", Outcome.REPLAYED),
        WebhookOutcomes.of(Outcome.REPLAYED, "inbound_sms", 200));
  }

  @Test
  void refusedRequestsNeverNameTheirType() {
    assertEquals(
        new WebhookAnswered("-", Outcome.REFUSED_SIGNATURE),
        WebhookOutcomes.of(null, "made_up", 403));
    assertEquals(
        new WebhookAnswered("-", Outcome.BAD_INPUT), WebhookOutcomes.of(null, "made_up", 400));
    assertEquals(
        new WebhookAnswered("-", Outcome.BAD_INPUT), WebhookOutcomes.of(null, "made_up", 413));
    assertEquals(new WebhookAnswered("-", Outcome.ERROR), WebhookOutcomes.of(null, "x", 500));
    assertEquals(new WebhookAnswered("-", Outcome.ERROR), WebhookOutcomes.of("?", "x", 200));
  }

  @Test
  void tags() {
    assertEquals("refused_signature", Outcome.REFUSED_SIGNATURE.tag());
    assertEquals("bad_input", Outcome.BAD_INPUT.tag());
  }
}
