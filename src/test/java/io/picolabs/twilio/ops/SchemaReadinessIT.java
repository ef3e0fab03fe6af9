package io.picolabs.twilio.ops;

import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.schema.Migrations;
import io.picolabs.twilio.state.StateContract;
import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.Postgres;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code twilio.schema.migrate=false}, for a database user without the right to change the schema:
 * on an empty PostgreSQL database the instance changes nothing and is not ready, saying why; once
 * the migrations are run from elsewhere (as an operator would, with another user) it becomes ready
 * by itself. Skipped, loudly, where PostgreSQL is not installed.
 */
class SchemaReadinessIT {

  @Test
  void anInstanceThatOnlyChecksIsNotReadyUntilTheSchemaIsMigratedElsewhere() throws Exception {
    Postgres postgres = Postgres.shared().anotherDatabase("schema_check_only");
    try (LibertyServer server =
        new LibertyServer("schemaCheckOnly")
            .env(postgres.applicationEnvironment())
            .env("TWILIO_SCHEMA_MIGRATE", "false")
            .deploy(StateContract.deployment("state"), "/state")) {
      server.start();
      URL root = server.base();

      HttpResponse<String> ready = OpsIT.get(root, "/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      JsonObject database = OpsIT.checks(json(ready.body())).get("twilio-database");
      assertEquals("DOWN", database.getString("status"), ready.body());
      String reason = database.getJsonObject("data").getString("reason");
      assertTrue(reason.startsWith("the schema is not at this release's version: "), reason);
      assertTrue(
          reason.endsWith(
              "; twilio.schema.migrate is false: run the migrations with a user that may change"
                  + " the schema (docs/operating.md)"),
          reason);
      assertEquals(
          List.of(),
          postgres.query(
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = current_schema()"),
          "nothing created");

      PGSimpleDataSource operator = new PGSimpleDataSource();
      operator.setUrl(postgres.jdbcUrl());
      operator.setUser(postgres.user());
      operator.setPassword(postgres.password());
      assertEquals("3", Migrations.of(operator).migrate());

      HttpResponse<String> readyAgain =
          eventually(
              30,
              "ready once the schema is current",
              () -> {
                HttpResponse<String> answer = OpsIT.get(root, "/health/ready");
                return answer.statusCode() == 200 ? Optional.of(answer) : Optional.empty();
              });
      assertEquals(
          json("{\"name\":\"twilio-database\",\"status\":\"UP\",\"data\":{}}"),
          OpsIT.checks(json(readyAgain.body())).get("twilio-database"));
      assertTrue(server.messages().contains("twilio.schema.migrate is false"), "logged why");
    }
  }
}
