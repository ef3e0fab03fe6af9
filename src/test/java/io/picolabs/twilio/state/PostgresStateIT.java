package io.picolabs.twilio.state;

import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.Postgres;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Variables on PostgreSQL: an empty database of its own in the run's throwaway cluster ({@link
 * Postgres#shared}) and two Liberty servers of their own ({@link LibertyServer}), started together
 * with {@code DB_KIND=postgresql} and the DB_* variables, running the same deployment as {@code
 * StateIT}: both start, the migrations run once, and what one writes the other reads. Skipped,
 * loudly, where PostgreSQL is not installed.
 */
class PostgresStateIT extends StateContract {
  private static Postgres postgres;
  private static LibertyServer server;
  private static LibertyServer second;

  /** Why the tests are skipped (no PostgreSQL here), else null. */
  private static String skipped;

  @BeforeAll
  static void startPostgresAndServer() {
    try {
      postgres = Postgres.shared().anotherDatabase("state_test");
    } catch (TestAbortedException e) {
      // skipped test by test (below), so that the report counts each one as skipped
      skipped = e.getMessage();
      return;
    }
    server =
        new LibertyServer("postgresStateServer")
            .env(postgres.applicationEnvironment())
            .deploy(deployment("state"), "/state");
    second =
        new LibertyServer("postgresStateServer2")
            .env(postgres.applicationEnvironment())
            .deploy(deployment("state"), "/state");
    // together, on the empty database: the migrations run once, under Flyway's lock
    CompletableFuture<Void> first = CompletableFuture.runAsync(server::start);
    CompletableFuture<Void> other = CompletableFuture.runAsync(second::start);
    first.join();
    other.join();
  }

  @AfterAll
  static void stopServerAndPostgres() {
    try {
      if (second != null) {
        second.close();
      }
      if (server != null) {
        server.close();
      }
    } finally {
      if (postgres != null) {
        postgres.stop();
      }
    }
  }

  @BeforeEach
  void needsPostgres() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @Override
  protected URL base() {
    return server.base();
  }

  @Test
  void theVariablesAreRowsOfThePostgresTable() {
    String entity = newEntity();
    HttpResponse<String> response =
        event(base(), "events/state/typed", "application/json", "{\"entity\":\"" + entity + "\"}");
    assertEquals(200, response.statusCode(), response.body());

    List<Map<String, Object>> tables =
        postgres.query(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = 'twilio_variable'");
    assertEquals(
        List.of(Map.of("table_name", "twilio_variable")),
        tables,
        "EclipseLink created no table twilio_variable in PostgreSQL");

    List<Map<String, Object>> rows =
        postgres.query(
            "SELECT var_name, var_json, var_version FROM twilio_variable"
                + " WHERE var_scope = 'ent' AND var_owner = ? ORDER BY var_name",
            entity);
    assertEquals(
        "decimal=2.5 v1, flag=true v1, list=[\"a\",\"b\"] v1, map={\"k\":1} v1, number=42 v1,"
            + " text=\"a \\\"quoted\\\" <text> & ünïcödé\" v1",
        rows.stream()
            .map(
                row ->
                    row.get("var_name") + "=" + row.get("var_json") + " v" + row.get("var_version"))
            .collect(Collectors.joining(", ")));
  }

  /** Two instances on one database: increments sent to both, alternately, all count. */
  @Test
  void twoInstancesOnOneDatabaseLoseNoIncrement() throws Exception {
    String entity = newEntity();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        URL at = i % 2 == 0 ? server.base() : second.base();
        answers.add(
            pool.submit(
                () ->
                    event(
                        at,
                        "events/state/count",
                        "application/json",
                        "{\"entity\":\"" + entity + "\"}")));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"failed\":[]"), response.body());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals("200 {\"count\":40}", entityVars(second.base(), entity));
    assertEquals(
        List.of(Map.of("var_json", "40", "var_version", 40L)),
        postgres.query(
            "SELECT var_json, var_version FROM twilio_variable WHERE var_scope = 'ent'"
                + " AND var_owner = ? AND var_name = 'count'",
            entity));
  }

  /** The two instances started together on an empty database: each migration ran once. */
  @Test
  void twoInstancesStartedTogetherOnAnEmptyDatabaseMigratedItOnce() {
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
    for (LibertyServer instance : List.of(server, second)) {
      String log = instance.messages();
      int started = log.indexOf("CWWKZ0001I: Application state started");
      assertTrue(started > 0, log);
      // up to the start: the other tests' concurrent increments log their retried inserts
      String start = log.substring(0, started);
      assertFalse(start.contains("CWWJP9991W"), "a DDL or query error at start:\n" + start);
      assertTrue(start.contains("schema at version 3 (postgresql)"), start);
    }
  }

  @Test
  void theServerUsesPostgresAndNoDerby() {
    assertTrue(
        server.messages().contains("CWWKZ0001I: Application state started"), server.messages());
    assertFalse(
        Files.exists(server.directory().resolve("data/twilio-rules")),
        "a Derby database was created in " + server.directory());
    String entity = newEntity();
    event(base(), "events/state/count", "application/json", "{\"entity\":\"" + entity + "\"}");
    assertEquals(
        List.of(Map.of("var_json", "1")),
        postgres.query(
            "SELECT var_json FROM twilio_variable WHERE var_scope = 'ent' AND var_owner = ?"
                + " AND var_name = 'count'",
            entity));
  }
}
