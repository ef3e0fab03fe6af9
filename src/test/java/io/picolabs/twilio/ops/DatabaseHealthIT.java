package io.picolabs.twilio.ops;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.Postgres;
import io.picolabs.twilio.testing.PostgresInstances;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: the project's WAR on PostgreSQL (the shared {@link
 * PostgresInstances}) is ready; with the database stopped, {@code twilio-database} is DOWN with the
 * driver's reason and readiness answers 503, while liveness stays UP (restarting would not bring
 * the database back), and a status callback that cannot be recorded is answered 503 and not kept;
 * with the database started again, both instances are ready again and Twilio's retry of that
 * callback is answered by the rules. Skipped, loudly, where PostgreSQL is not installed.
 */
class DatabaseHealthIT {
  /** A status callback for an entry this server never sent: the rules decide, after a look-up. */
  private static final String CALLBACK = "twilio/sms_status?outbox=" + UUID.randomUUID();

  private static final Map<String, String> STATUS =
      Map.of(
          "AccountSid", PostgresInstances.ACCOUNT_SID,
          "MessageSid", "SM00000000000000000000000000000099",
          "MessageStatus", "delivered",
          "To", "+18015550123",
          "From", "+18005550111");

  private static final String DELIVERY = UUID.randomUUID().toString();

  private static final String DATABASE_UP =
      "{\"name\":\"twilio-database\",\"status\":\"UP\",\"data\":{}}";

  @Test
  void readinessIsDownWhileTheDatabaseIsUnreachable() {
    PostgresInstances instances = PostgresInstances.get();
    Postgres postgres = instances.postgres();
    URL root = instances.a().base();
    HttpResponse<String> ready = OpsIT.get(root, "/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals(json(DATABASE_UP), OpsIT.checks(json(ready.body())).get("twilio-database"));

    postgres.pause();
    try {
      JsonObject down =
          eventually(
              30,
              "twilio-database DOWN",
              () -> {
                HttpResponse<String> answer = OpsIT.get(root, "/health/ready");
                JsonObject check = OpsIT.checks(json(answer.body())).get("twilio-database");
                return answer.statusCode() == 503 && "DOWN".equals(check.getString("status"))
                    ? Optional.of(check)
                    : Optional.empty();
              });
      String reason = down.getJsonObject("data").getString("reason");
      assertFalse(reason.isBlank(), down.toString());
      assertFalse(reason.contains("\n"), reason);
      HttpResponse<String> live = OpsIT.get(root, "/health/live");
      assertEquals(200, live.statusCode(), live.body());
      System.out.println("DatabaseHealthIT: with the database gone, readiness said " + down);

      // a status callback cannot be recorded: 503, so that Twilio retries it, nothing kept
      HttpResponse<String> unavailable =
          PostgresInstances.signedPost(instances.a(), CALLBACK, STATUS, DELIVERY);
      assertEquals(503, unavailable.statusCode(), unavailable.body());
      assertEquals(
          "the rules cannot run just now; the event was not kept: retry\n", unavailable.body());
    } finally {
      postgres.resume();
    }

    for (LibertyServer instance : new LibertyServer[] {instances.a(), instances.b()}) {
      HttpResponse<String> again =
          eventually(
              30,
              "readiness UP again on " + instance.directory().getFileName(),
              () -> {
                HttpResponse<String> answer = OpsIT.get(instance.base(), "/health/ready");
                return answer.statusCode() == 200 ? Optional.of(answer) : Optional.empty();
              });
      assertEquals(
          json(DATABASE_UP), OpsIT.checks(json(again.body())).get("twilio-database"), again.body());
    }
    // Twilio's retry of the same delivery, once the database is back, is answered by the rules
    HttpResponse<String> retried =
        PostgresInstances.signedPost(instances.b(), CALLBACK, STATUS, DELIVERY);
    assertEquals(200, retried.statusCode(), retried.body());
    assertEquals(XML + "<Response/>", retried.body());
  }
}
