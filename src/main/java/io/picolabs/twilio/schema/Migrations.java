package io.picolabs.twilio.schema;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The library's tables by Flyway's versioned migrations ({@code
 * src/main/resources/io/picolabs/twilio/schema/<dialect>/V<n>__<what>.sql}, one set per database
 * kind), with a history of their own ({@value #HISTORY}), so that an application with its own
 * Flyway history in the same schema keeps it.
 *
 * <p>Flyway takes a lock for the whole run (an advisory lock on PostgreSQL, a table lock on Derby):
 * instances starting together on an empty database run each migration once, the others wait and
 * find the schema current.
 *
 * <p>Databases created before migrations existed (EclipseLink created the tables at start) have the
 * tables of version 1 and no history: they are baselined at version 1 and migrated on from there,
 * their rows untouched. Any other schema without our history (empty, or holding only the host
 * application's tables) is baselined at 0, so that every migration runs.
 *
 * <p>The scripts are named in {@link #SCRIPTS}, not found by scanning the class path: Flyway's
 * scanner finds nothing in an application on Liberty (its class loaders' URLs), and a list says
 * plainly which scripts make a version. {@code SchemaTest} checks the list against the folders.
 */
public final class Migrations {
  /** The history table (upper case on Derby, lower case on PostgreSQL, as each folds names). */
  public static final String HISTORY = "TWILIO_SCHEMA_HISTORY";

  /** The migrations, in order; each dialect's folder has a script of each name. */
  public static final List<String> SCRIPTS =
      List.of("V1__tables.sql", "V2__purge_indexes_unique_sid.sql", "V3__replay_claims.sql");

  /** Where the dialects' folders are, on the class path. */
  static final String FOLDER = "io/picolabs/twilio/schema/";

  /** A table of version 1: present without a history, the schema predates migrations. */
  private static final String FIRST_TABLE = "TWILIO_OUTBOX";

  private final Dialect dialect;
  private final Flyway flyway;

  private Migrations(DataSource data, Dialect dialect, boolean predatesMigrations) {
    this.dialect = dialect;
    this.flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(data)
            .locations("classpath:" + FOLDER + dialect.folder)
            .resourceProvider(new Scripts(FOLDER + dialect.folder + "/"))
            .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
            .table(dialect.name(HISTORY))
            .baselineOnMigrate(true)
            .baselineVersion(predatesMigrations ? "1" : "0")
            .baselineDescription(
                predatesMigrations
                    ? "tables created before versioned migrations"
                    : "no tables of the library")
            .load();
  }

  /** The migrations for the database behind {@code data}. */
  public static Migrations of(DataSource data) throws SQLException {
    try (Connection connection = data.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      Dialect dialect = Dialect.of(meta.getDatabaseProductName());
      boolean predates =
          exists(meta, connection.getSchema(), dialect.name(FIRST_TABLE))
              && !exists(meta, connection.getSchema(), dialect.name(HISTORY));
      return new Migrations(data, dialect, predates);
    }
  }

  private static boolean exists(DatabaseMetaData meta, String schema, String table)
      throws SQLException {
    try (ResultSet tables = meta.getTables(null, schema, table, null)) {
      return tables.next();
    }
  }

  /** Runs what has not run yet; returns the version the schema is at. */
  public String migrate() {
    MigrateResult result = flyway.migrate();
    if (result.targetSchemaVersion != null) {
      return result.targetSchemaVersion;
    }
    MigrationInfo current = flyway.info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }

  /**
   * Changes nothing: empty if the schema is at this release's version with every migration as
   * written, else what is wrong (migrations not run, or changed after they ran).
   */
  public Optional<String> check() {
    ValidateResult result = flyway.validateWithResult();
    return result.validationSuccessful
        ? Optional.empty()
        : Optional.of(
            "the schema is not at this release's version: " + result.getAllErrorMessages());
  }

  /** The database kind, as its migrations' folder names it. */
  public String dialect() {
    return dialect.folder;
  }

  /** The kinds of database with migrations, and how each folds unquoted names. */
  enum Dialect {
    DERBY("derby", true),
    POSTGRESQL("postgresql", false);

    final String folder;
    private final boolean upperCase;

    Dialect(String folder, boolean upperCase) {
      this.folder = folder;
      this.upperCase = upperCase;
    }

    String name(String table) {
      return upperCase ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
    }

    static Dialect of(String product) {
      if (product.equals("Apache Derby")) {
        return DERBY;
      }
      if (product.equals("PostgreSQL")) {
        return POSTGRESQL;
      }
      throw new IllegalStateException(
          "no migrations for the database "
              + product
              + ": the library supports Derby and PostgreSQL");
    }
  }

  /** The scripts of {@link #SCRIPTS} in one dialect's folder, read through our class loader. */
  private static final class Scripts implements ResourceProvider {
    private final String folder;

    Scripts(String folder) {
      this.folder = folder;
    }

    @Override
    public LoadableResource getResource(String name) {
      return SCRIPTS.contains(name) ? new Script(folder, name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return SCRIPTS.stream()
          .filter(name -> name.startsWith(prefix))
          .filter(name -> Arrays.stream(suffixes).anyMatch(name::endsWith))
          .map(name -> (LoadableResource) new Script(folder, name))
          .toList();
    }
  }

  private static final class Script extends LoadableResource {
    private final String path;
    private final String name;

    Script(String folder, String name) {
      this.path = folder + name;
      this.name = name;
    }

    @Override
    public Reader read() {
      InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path);
      if (in == null) {
        throw new IllegalStateException("the migration " + path + " is not on the class path");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return path;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return path;
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
