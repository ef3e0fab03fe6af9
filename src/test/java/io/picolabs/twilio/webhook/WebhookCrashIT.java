package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.PostgresInstances;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the instance answering a webhook while its rule runs (two instances on one
 * PostgreSQL database, {@code testing.PostgresInstances}): the claim it held on the delivery is a
 * lease, so Twilio's retry on the other instance, once the lease is over, runs the rule, which
 * counts once (the killed run never committed), and later retries get that answer. A is left
 * killed: {@code PostgresInstances.get()} starts it again for the next class that needs it.
 */
class WebhookCrashIT {
  /** The deadline (the default) and the claim's margin, and a second to spare. */
  private static final long LEASE_MILLIS =
      WebhookConfig.DEADLINE_MS.fallback() + Replays.LEASE_MARGIN.toMillis() + 1_000;

  @Test
  void aDeliveryWhoseInstanceDiedDuringTheRulesIsRunByTheRetryOnce() throws Exception {
    PostgresInstances instances = PostgresInstances.get();
    LibertyServer a = instances.a();
    LibertyServer b = instances.b();
    String counter = "crash" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", PostgresInstances.ACCOUNT_SID);
    params.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
    params.put("From", "+18015550177");
    params.put("To", "+18005550111");
    params.put("counter", counter);
    params.put("sleep_ms", "3000");
    String token = UUID.randomUUID().toString();

    long claimed = System.currentTimeMillis();
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> PostgresInstances.signedPost(a, "twilio/counted", params, token));
    eventually(
        20,
        "the rule running on A",
        () ->
            a.messages().contains("OutboxTestRules: counted " + counter + " started on A")
                ? Optional.of(true)
                : Optional.empty());
    a.kill();
    first.handle((answer, failure) -> null).get(30, TimeUnit.SECONDS); // its connection is gone

    long leaseOver = claimed + LEASE_MILLIS - System.currentTimeMillis();
    if (leaseOver > 0) {
      Thread.sleep(leaseOver);
    }
    String answer = XML + "<Response><Say>" + counter + " 1 on B</Say></Response>";
    HttpResponse<String> retry = PostgresInstances.signedPost(b, "twilio/counted", params, token);
    assertEquals("200 " + answer, retry.statusCode() + " " + retry.body());

    HttpResponse<String> again = PostgresInstances.signedPost(b, "twilio/counted", params, token);
    assertEquals("200 " + answer, again.statusCode() + " " + again.body(), "answered again");
    assertEquals(
        1,
        b.messages().split("OutboxTestRules: counted " + counter + " started on B", -1).length - 1,
        "the rule ran once on B");
  }
}
