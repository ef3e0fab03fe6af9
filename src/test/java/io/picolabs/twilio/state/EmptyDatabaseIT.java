package io.picolabs.twilio.state;

import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.Postgres;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two instances started together on an empty PostgreSQL database (a database of its own in the
 * run's cluster): both start, the migrations run once, and what one writes the other reads.
 * Skipped, loudly, where PostgreSQL is not installed.
 */
class EmptyDatabaseIT {

  @Test
  void twoInstancesStartedTogetherOnAnEmptyDatabaseBothWork() {
    Postgres postgres = Postgres.shared().anotherDatabase("empty_start");
    try (LibertyServer one =
            new LibertyServer("emptyDatabaseOne")
                .env(postgres.applicationEnvironment())
                .deploy(StateContract.deployment("state"), "/state");
        LibertyServer two =
            new LibertyServer("emptyDatabaseTwo")
                .env(postgres.applicationEnvironment())
                .deploy(StateContract.deployment("state"), "/state")) {
      CompletableFuture<Void> first = CompletableFuture.runAsync(one::start);
      CompletableFuture<Void> second = CompletableFuture.runAsync(two::start);
      first.join();
      second.join();

      List<Map<String, Object>> tables =
          postgres.query(
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = current_schema() ORDER BY table_name");
      assertEquals(
          List.of(
              Map.of("table_name", "twilio_number_wiring"),
              Map.of("table_name", "twilio_outbox"),
              Map.of("table_name", "twilio_outbox_status"),
              Map.of("table_name", "twilio_replay"),
              Map.of("table_name", "twilio_schema_history"),
              Map.of("table_name", "twilio_variable")),
          tables);
      // each migration ran once, by one of the two; the other waited for Flyway's lock
      assertEquals(
          List.of(
              Map.of("version", "1", "success", true),
              Map.of("version", "2", "success", true),
              Map.of("version", "3", "success", true)),
          postgres.query(
              "SELECT \"version\", \"success\" FROM twilio_schema_history"
                  + " ORDER BY \"installed_rank\""));
      for (LibertyServer server : List.of(one, two)) {
        String log = server.messages();
        assertTrue(log.contains("CWWKZ0001I: Application state started"), log);
        assertFalse(log.contains("CWWJP9991W"), "a DDL or query error at start:\n" + log);
        assertTrue(log.contains("schema at version 3 (postgresql)"), log);
      }

      String entity = StateContract.newEntity();
      HttpResponse<String> counted =
          event(
              one.base(),
              "events/state/count",
              "application/json",
              "{\"entity\":\"" + entity + "\"}");
      assertEquals(200, counted.statusCode(), counted.body());
      assertEquals("200 {\"count\":1}", entityVars(two.base(), entity));
    }
  }
}
