package io.picolabs.twilio.ops;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.Postgres;
import io.picolabs.twilio.testing.Wars;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: the project's WAR on a throwaway PostgreSQL is ready; with the
 * database gone, {@code twilio-database} is DOWN with the driver's reason and readiness answers
 * 503, while liveness stays UP (restarting would not bring the database back). Skipped, loudly,
 * where PostgreSQL is not installed.
 */
class DatabaseHealthIT {

  @Test
  void readinessIsDownWhileTheDatabaseIsUnreachable() {
    try (Postgres postgres = Postgres.start()) {
      WebArchive application =
          Wars.project("twilio-rules.war")
              .addAsResource(
                  new StringAsset("twilio.auth-token=" + AUTH_TOKEN + "\n"),
                  "META-INF/microprofile-config.properties");
      try (LibertyServer server =
          new LibertyServer("databaseHealthServer")
              .env(postgres.applicationEnvironment())
              .deploy(application, "/")) {
        server.start();
        URL root = server.base();
        HttpResponse<String> ready = OpsIT.get(root, "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(
            json("{\"name\":\"twilio-database\",\"status\":\"UP\",\"data\":{}}"),
            OpsIT.checks(json(ready.body())).get("twilio-database"));

        postgres.stop();

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
      }
    }
  }
}
