package io.picolabs.twilio.ops;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: the project's WAR on PostgreSQL (the shared {@link
 * PostgresInstances}) is ready; with the database stopped, {@code twilio-database} is DOWN with the
 * driver's reason and readiness answers 503, while liveness stays UP (restarting would not bring
 * the database back); with the database started again, both instances are ready again. Skipped,
 * loudly, where PostgreSQL is not installed.
 */
class DatabaseHealthIT {
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
  }
}
