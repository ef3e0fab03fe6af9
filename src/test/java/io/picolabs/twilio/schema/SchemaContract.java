package io.picolabs.twilio.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the migrations do to a database, the same on each kind: {@link SchemaTest} (Derby) and
 * {@code SchemaPostgresIT} give each test an empty database of their kind.
 */
abstract class SchemaContract {
  static final List<String> TABLES =
      List.of(
          "TWILIO_NUMBER_WIRING",
          "TWILIO_OUTBOX",
          "TWILIO_OUTBOX_STATUS",
          "TWILIO_REPLAY",
          "TWILIO_VARIABLE");

  /** An empty database of this kind, {@code name} unique within the test class. */
  abstract DataSource empty(String name) throws SQLException;

  /** The JDBC properties that give EclipseLink the same database. */
  abstract Map<String, String> jdbc(String name);

  /** The folder of this kind's migrations. */
  abstract String dialect();

  @Test
  void anEmptyDatabaseGetsEveryTableAndIsCurrent() throws SQLException {
    DataSource data = empty("fresh");
    Migrations migrations = Migrations.of(data);
    assertEquals(Optional.of(true), migrations.check().map(p -> p.contains("not at this release")));

    assertEquals("3", migrations.migrate());

    assertEquals(TABLES, ourTables(data));
    assertEquals(Optional.empty(), Migrations.of(data).check());
    assertEquals(
        List.of("1 tables", "2 purge indexes unique sid", "3 replay claims"), history(data));
    assertEquals("3", Migrations.of(data).migrate(), "a second run changes nothing");
    assertEquals(3, history(data).size());
  }

  /**
   * The guard against drift: the schema the migrations make is the one EclipseLink, Liberty's
   * provider, makes from the entities' annotations (columns, types, nullability, keys, indexes).
   */
  @Test
  void theMigrationsMakeTheSchemaTheEntitiesMap() throws SQLException {
    DataSource migrated = empty("migrated");
    Migrations.of(migrated).migrate();
    DataSource generated = empty("generated");
    Map<String, Object> properties = new TreeMap<>(jdbc("generated"));
    properties.put("eclipselink.persistencexml", "META-INF/schema-check-persistence.xml");
    properties.put("jakarta.persistence.schema-generation.database.action", "create");
    properties.put("eclipselink.logging.level", "WARNING");
    Persistence.generateSchema("schema-check", properties);

    assertEquals(describe(generated), describe(migrated));
  }

  @Test
  void theCheckUnitListsTheApplicationsEntities() throws IOException {
    assertEquals(
        entities("META-INF/persistence.xml"), entities("META-INF/schema-check-persistence.xml"));
  }

  /** A database whose tables EclipseLink created, rows and all, before there were migrations. */
  @Test
  void aDatabaseFromBeforeMigrationsKeepsItsRows() throws Exception {
    DataSource data = empty("legacy");
    run(data, resource("V1__tables.sql"));
    run(
        data,
        "INSERT INTO TWILIO_VARIABLE (VAR_OWNER, VAR_SCOPE, VAR_NAME, EXPIRES_MS, VAR_JSON,"
            + " UPDATED_MS, VAR_VERSION) VALUES ('+15550001', 'ent', 'favorite', 0, '7', 1, 1)");
    run(
        data,
        "INSERT INTO TWILIO_OUTBOX (ID, ATTEMPTS, CHECKS, CREATED_MS, DUE_MS, IN_DOUBT, KIND,"
            + " LEASE_MS, REQUEST_JSON, SID, STATE, STATUS_RANK, TO_NUMBER, UPDATED_MS,"
            + " ROW_VERSION) VALUES ('e1', 1, 0, 1, 1, 0, 'SMS', 0, '{}', 'SM1', 'sent', 2,"
            + " '+15550001', 1, 3)");

    assertEquals("3", Migrations.of(data).migrate());

    assertEquals(
        List.of(
            "1 tables created before versioned migrations",
            "2 purge indexes unique sid",
            "3 replay claims"),
        history(data));
    assertEquals(
        List.of("+15550001 favorite 7"),
        rows(data, "SELECT VAR_OWNER, VAR_NAME, VAR_JSON FROM TWILIO_VARIABLE"));
    assertEquals(List.of("e1 SM1 sent"), rows(data, "SELECT ID, SID, STATE FROM TWILIO_OUTBOX"));
    assertTrue(describe(data).contains("TWILIO_OUTBOX_SETTLED"), describe(data));
    assertEquals(Optional.empty(), Migrations.of(data).check());
  }

  /** In a host application's schema: its tables and its own Flyway history stay as they are. */
  @Test
  void aHostApplicationsTablesAndHistoryAreLeftAlone() throws SQLException {
    DataSource data = empty("host");
    run(data, "CREATE TABLE HOST_ORDERS (ID INTEGER NOT NULL PRIMARY KEY)");
    run(data, "INSERT INTO HOST_ORDERS (ID) VALUES (42)");
    run(data, "CREATE TABLE flyway_schema_history (installed_rank INTEGER NOT NULL PRIMARY KEY)");

    assertEquals("3", Migrations.of(data).migrate());

    assertEquals(TABLES, ourTables(data));
    assertEquals(
        List.of(
            "0 no tables of the library",
            "1 tables",
            "2 purge indexes unique sid",
            "3 replay claims"),
        history(data));
    assertEquals(List.of("42"), rows(data, "SELECT ID FROM HOST_ORDERS"));
    assertEquals(List.of(), rows(data, "SELECT installed_rank FROM flyway_schema_history"));
  }

  @Test
  void aSidBelongsToOneEntryAndEntriesWithoutOneAreMany() throws SQLException {
    DataSource data = empty("sids");
    Migrations.of(data).migrate();
    run(data, outbox("a", "NULL"));
    run(data, outbox("b", "NULL"));
    run(data, outbox("c", "'SM1'"));

    SQLException refused = assertThrows(SQLException.class, () -> run(data, outbox("d", "'SM1'")));

    assertTrue(
        refused.getMessage().toUpperCase(Locale.ROOT).contains("TWILIO_OUTBOX_SID_UNIQUE"),
        refused.getMessage());
  }

  private static String outbox(String id, String sid) {
    return "INSERT INTO TWILIO_OUTBOX (ID, ATTEMPTS, CHECKS, CREATED_MS, DUE_MS, IN_DOUBT, KIND,"
        + " LEASE_MS, REQUEST_JSON, SID, STATE, STATUS_RANK, TO_NUMBER, UPDATED_MS, ROW_VERSION)"
        + " VALUES ('"
        + id
        + "', 0, 0, 1, 1, 0, 'SMS', 0, '{}', "
        + sid
        + ", 'queued', 0, '+15550001', 1, 1)";
  }

  String resource(String name) throws IOException {
    String path = "io/picolabs/twilio/schema/" + dialect() + "/" + name;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs each statement of {@code sql} (separated by ';', comments dropped). */
  static void run(DataSource data, String sql) throws SQLException {
    try (Connection connection = data.getConnection();
        Statement statement = connection.createStatement()) {
      for (String each : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!each.isBlank()) {
          statement.execute(each.strip());
        }
      }
    }
  }

  static List<String> rows(DataSource data, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = data.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  private List<String> history(DataSource data) throws SQLException {
    String table =
        dialect().equals("derby") ? "\"TWILIO_SCHEMA_HISTORY\"" : "twilio_schema_history";
    return rows(
        data, "SELECT \"version\", \"description\" FROM " + table + " ORDER BY \"installed_rank\"");
  }

  private static List<String> ourTables(DataSource data) throws SQLException {
    try (Connection connection = data.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet result =
          connection
              .getMetaData()
              .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (result.next()) {
          String table = result.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
          if (table.startsWith("TWILIO_") && !table.equals(Migrations.HISTORY)) {
            tables.add(table);
          }
        }
      }
      return tables.stream().sorted().toList();
    }
  }

  /**
   * Our tables as the database describes them: each column (type, size, nullability), the primary
   * key, and each index (its columns and whether unique; by name where we named it, the database
   * names the indexes behind keys and constraints itself).
   */
  static String describe(DataSource data) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection connection = data.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      for (String table : ourTables(data)) {
        String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        out.append(table).append('\n');
        // by name: a column added by a later migration comes last, EclipseLink orders them itself
        TreeSet<String> columnLines = new TreeSet<>();
        try (ResultSet columns = meta.getColumns(null, schema, name, "%")) {
          while (columns.next()) {
            columnLines.add(
                "  "
                    + columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT)
                    + ' '
                    + columns.getString("TYPE_NAME")
                    + '('
                    + columns.getInt("COLUMN_SIZE")
                    + (columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                        ? ") NOT NULL"
                        : ")"));
          }
        }
        columnLines.forEach(line -> out.append(line).append('\n'));
        TreeSet<String> key = new TreeSet<>();
        try (ResultSet keys = meta.getPrimaryKeys(null, schema, name)) {
          while (keys.next()) {
            key.add(keys.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
        out.append("  PRIMARY KEY ").append(key).append('\n');
        Map<String, List<String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet index = meta.getIndexInfo(null, schema, name, false, false)) {
          while (index.next()) {
            String indexName = index.getString("INDEX_NAME");
            if (indexName == null) {
              continue;
            }
            indexes
                .computeIfAbsent(indexName, n -> new ArrayList<>())
                .add(index.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            unique.put(indexName, !index.getBoolean("NON_UNIQUE"));
          }
        }
        TreeSet<String> described = new TreeSet<>();
        indexes.forEach(
            (indexName, columns) -> {
              String upper = indexName.toUpperCase(Locale.ROOT);
              boolean ours = upper.startsWith("TWILIO_") && !upper.equals(table + "_PKEY");
              described.add(
                  "  "
                      + (unique.get(indexName) ? "UNIQUE " : "")
                      + "INDEX "
                      + (ours ? upper + " " : "")
                      + columns);
            });
        described.forEach(line -> out.append(line).append('\n'));
      }
    }
    return out.toString();
  }

  private static List<String> entities(String persistenceXml) throws IOException {
    try (InputStream in =
        SchemaContract.class.getClassLoader().getResourceAsStream(persistenceXml)) {
      Matcher classes =
          Pattern.compile("<class>([^<]+)</class>")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      while (classes.find()) {
        names.add(classes.group(1));
      }
      return names;
    }
  }
}
