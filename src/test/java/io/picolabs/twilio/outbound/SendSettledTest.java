package io.picolabs.twilio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SendSettledTest {
  private final OutboxEntry sms =
      new OutboxEntry("id", OutboxStore.SMS, null, "+1", "+2", "{}", "http://x", 0);
  private final OutboxEntry call =
      new OutboxEntry("id", OutboxStore.CALL, null, "+1", "+2", "{}", "http://x", 0);

  @Test
  void eachSettlementIsAnOutcome() {
    assertEquals(
        new SendSettled("sms", "sent", null),
        SendSettled.of(sms, Settlement.sent(sms, 1, "SM1", "queued"), false));
    assertEquals(
        new SendSettled("sms", "reconciled", null),
        SendSettled.of(sms, Settlement.sent(sms, 1, "SM1", "queued"), true));
    assertEquals(
        new SendSettled("call", "failed", 21211),
        SendSettled.of(call, Settlement.failed(call, 1, 21211, "invalid To"), false));
    assertEquals(
        new SendSettled("sms", "failed", null),
        SendSettled.of(sms, Settlement.failed(sms, 4, null, "refused"), false));
    assertEquals(
        new SendSettled("sms", "retried", null),
        SendSettled.of(sms, Settlement.retry(sms, 1, 10, "429"), false));
    assertEquals(
        new SendSettled("sms", "in_doubt", null),
        SendSettled.of(sms, Settlement.reconcile(sms, 1, 0, 10, "read timeout"), false));
    assertEquals(
        new SendSettled("call", "unknown", null),
        SendSettled.of(call, Settlement.unknown(call, 10, "no answer"), false));
  }
}
