package io.picolabs.twilio.schema;

import io.picolabs.twilio.testing.Postgres;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on PostgreSQL, each test on a database of its own in the run's cluster; skipped,
 * loudly, where PostgreSQL is not installed.
 */
class SchemaPostgresIT extends SchemaContract {
  private final Map<String, Postgres> databases = new HashMap<>();

  private Postgres database(String name) {
    return databases.computeIfAbsent(name, n -> Postgres.shared().anotherDatabase("schema_" + n));
  }

  @Override
  DataSource empty(String name) {
    Postgres database = database(name);
    PGSimpleDataSource data = new PGSimpleDataSource();
    data.setUrl(database.jdbcUrl());
    data.setUser(database.user());
    data.setPassword(database.password());
    return data;
  }

  @Override
  Map<String, String> jdbc(String name) {
    Postgres database = database(name);
    return Map.of(
        "jakarta.persistence.jdbc.url", database.jdbcUrl(),
        "jakarta.persistence.jdbc.user", database.user(),
        "jakarta.persistence.jdbc.password", database.password(),
        "jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
  }

  @Override
  String dialect() {
    return "postgresql";
  }
}
