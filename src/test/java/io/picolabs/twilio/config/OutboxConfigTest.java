package io.picolabs.twilio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox's lease against the client's timeouts: a request must end inside its lease. */
class OutboxConfigTest {

  private static OutboxConfig outbox(Map<String, String> settings) {
    MapConfig config = new MapConfig(settings);
    return OutboxConfig.of(config, RestConfig.of(config));
  }

  @Test
  void theDefaultLeaseCoversTwoRequestsAndTheDeadlineIsConnectPlusRead() {
    OutboxConfig config = outbox(Map.of());
    assertEquals(Duration.ofSeconds(50), config.lease());
    assertEquals(Duration.ofMillis(20_000), config.requestDeadline());
    assertEquals(Duration.ZERO, config.clockOffset());
    assertEquals(64, config.concurrency());
    assertEquals(64, config.claimSize());
  }

  @Test
  void noRequestsInFlightOrAnEmptyClaimIsRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> outbox(Map.of("twilio.outbox.claim-size", "0")));
    assertEquals(
        "twilio.outbox.concurrency (64) and twilio.outbox.claim-size (0) must be at least 1",
        refused.getMessage());
  }

  @Test
  void theDefaultLeaseFollowsTheTimeouts() {
    OutboxConfig config =
        outbox(Map.of("twilio.connect-timeout-ms", "1000", "twilio.read-timeout-ms", "2000"));
    assertEquals(Duration.ofSeconds(16), config.lease());
    assertEquals(Duration.ofMillis(3000), config.requestDeadline());
  }

  @Test
  void aLeaseThatCoversTheDeadlinePlusTheMarginIsTaken() {
    OutboxConfig config =
        outbox(
            Map.of(
                "twilio.connect-timeout-ms", "1000",
                "twilio.read-timeout-ms", "2000",
                "twilio.outbox.lease-seconds", "5",
                "twilio.outbox.clock-offset-ms", "-60000"));
    assertEquals(Duration.ofSeconds(5), config.lease());
    assertEquals(Duration.ofMillis(-60_000), config.clockOffset());
  }

  @Test
  void aLeaseShorterThanARequestIsRefusedSayingWhatToChange() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                outbox(
                    Map.of(
                        "twilio.read-timeout-ms", "10000", "twilio.outbox.lease-seconds", "16")));
    assertEquals(
        "twilio.outbox.lease-seconds is 16 s, shorter than a request to Twilio may take"
            + " (twilio.connect-timeout-ms + twilio.read-timeout-ms = 15000 ms) plus 2 s: another"
            + " instance could take over a send still in flight and send it again. Make the lease"
            + " longer or the timeouts shorter.",
        refused.getMessage());
  }
}
