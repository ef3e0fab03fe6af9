package io.picolabs.twilio.testing;

import static java.util.stream.Collectors.joining;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster: {@code initdb} in a fresh directory under /tmp, {@code pg_ctl
 * start} on a free port of 127.0.0.1, a database and a user (with a password) for the application;
 * {@link #stop} removes it all. The test classes share one ({@link #shared}), each with a database
 * of its own where it needs one ({@link #anotherDatabase}).
 *
 * <p>PostgreSQL refuses to run as root, so as root (CI here) the binaries run as the {@code
 * postgres} user through {@code runuser -u postgres --}, in a directory that user owns (under /tmp:
 * it may not be able to traverse the project's directory). As anyone else they run directly.
 *
 * <p>The binaries are Debian's ({@code /usr/lib/postgresql/<version>/bin}, newest first), else
 * {@code initdb} and {@code pg_ctl} on the PATH, else the directory in the system property {@code
 * postgres.bin}. When none is found, {@link #start} skips the calling test through JUnit's {@link
 * Assumptions} and says how to install them.
 */
public final class Postgres implements AutoCloseable {
  /** What {@link #start} says when there is no PostgreSQL to run. */
  public static final String HOW_TO_INSTALL =
      "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin nor on"
          + " the PATH: the PostgreSQL tests are SKIPPED. Install them with"
          + " `sudo apt-get install -y postgresql` (Debian/Ubuntu; .ci/run does it) or point"
          + " -Dpostgres.bin at a directory holding initdb and pg_ctl.";

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
  private static final String SUPERUSER = "postgres";

  private final Path bin;
  private final List<String> settings;
  private final boolean asRoot;
  private final Path dir;
  private final Path data;
  private final String superPassword;
  private final String database;
  private final String user;
  private final String password = secret();

  /** The object that started the cluster; this one for it, another for {@link #anotherDatabase}. */
  private final Postgres cluster;

  private int port;
  private volatile boolean running;
  private Thread shutdownHook;

  private Postgres(Path bin, boolean asRoot, Path dir, List<String> settings) {
    this.settings = settings;
    this.bin = bin;
    this.asRoot = asRoot;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.superPassword = secret();
    this.database = "twilio_rules";
    this.user = "twilio_rules";
    this.cluster = this;
  }

  private Postgres(Postgres cluster, String name) {
    this.settings = cluster.settings;
    this.bin = cluster.bin;
    this.asRoot = cluster.asRoot;
    this.dir = cluster.dir;
    this.data = cluster.data;
    this.superPassword = cluster.superPassword;
    this.database = name;
    this.user = name;
    this.cluster = cluster;
  }

  /**
   * The run's shared cluster ({@link SharedFixtures}), started on the first call, with the database
   * of {@link #start}; classes that need a database of their own take {@link #anotherDatabase}.
   * Skips the calling test as {@link #start} does.
   */
  public static Postgres shared() {
    return SharedFixtures.get(Postgres.class, Postgres::start);
  }

  /**
   * Creates and starts a cluster with a database and a user for the application, or skips the
   * calling test (JUnit assumption) when no PostgreSQL binaries are installed.
   */
  public static Postgres start() {
    return start(new String[0]);
  }

  /**
   * {@link #start()} with server settings ({@code name=value}, e.g. {@code log_statement=all} to
   * see every statement in {@link #serverLog}).
   */
  public static Postgres start(String... settings) {
    for (String setting : settings) {
      if (!setting.matches("[a-z_.]+=[A-Za-z0-9_.:%/-]+")) {
        throw new IllegalArgumentException("not a server setting: " + setting);
      }
    }
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      System.err.println();
      System.err.println("*".repeat(100));
      System.err.println("* " + HOW_TO_INSTALL);
      System.err.println("*".repeat(100));
      System.err.println();
    }
    Assumptions.assumeTrue(bin.isPresent(), HOW_TO_INSTALL);
    boolean root = isRoot();
    if (root) {
      Assumptions.assumeTrue(
          runuser().isPresent(),
          "running as root, PostgreSQL must run as user postgres, but runuser (util-linux) is"
              + " missing: the PostgreSQL tests are SKIPPED");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory(Path.of("/tmp"), "twilio-rules-pg-");
      if (root) {
        chownToPostgres(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Postgres postgres = new Postgres(bin.get(), root, dir, List.of(settings));
    try {
      postgres.initAndStart();
      return postgres;
    } catch (RuntimeException | Error e) {
      postgres.stop();
      throw e;
    }
  }

  /** The directory holding initdb and pg_ctl, if any. */
  public static Optional<Path> binaries() {
    String configured = System.getProperty("postgres.bin");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Postgres::hasServerBinaries);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .map(version -> version.resolve("bin"))
                .filter(Postgres::hasServerBinaries)
                .max(Comparator.comparingDouble(Postgres::version));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        // fall through to the PATH
      }
    }
    // elsewhere, initdb and pg_ctl on the PATH (often symbolic links into the real directory)
    Optional<Path> initdb = onPath("initdb");
    Optional<Path> pgCtl = onPath("pg_ctl");
    if (initdb.isPresent() && pgCtl.isPresent()) {
      try {
        Path real = initdb.get().toRealPath().getParent();
        if (hasServerBinaries(real)) {
          return Optional.of(real);
        }
      } catch (IOException e) {
        // use the PATH's directory
      }
      return Optional.of(initdb.get().getParent()).filter(Postgres::hasServerBinaries);
    }
    return Optional.empty();
  }

  private static double version(Path binDir) {
    try {
      return Double.parseDouble(binDir.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean hasServerBinaries(Path binDir) {
    return Files.isExecutable(binDir.resolve("initdb"))
        && Files.isExecutable(binDir.resolve("pg_ctl"));
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        Path candidate = Path.of(entry, command);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> runuser() {
    return onPath("runuser")
        .or(() -> Optional.of(Path.of("/usr/sbin/runuser")).filter(Files::isExecutable))
        .or(() -> Optional.of(Path.of("/sbin/runuser")).filter(Files::isExecutable));
  }

  private static boolean isRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (Throwable e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static void chownToPostgres(Path path) throws IOException {
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal postgres;
    try {
      postgres = users.lookupPrincipalByName(SUPERUSER);
    } catch (IOException e) {
      throw new IllegalStateException(
          "running as root, PostgreSQL must run as user postgres, which does not exist"
              + " (apt-get install postgresql creates it)",
          e);
    }
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    view.setOwner(postgres);
    try {
      GroupPrincipal group = users.lookupPrincipalByGroupName(SUPERUSER);
      view.setGroup(group);
    } catch (IOException e) {
      // the owner is what matters
    }
  }

  private static String secret() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private void initAndStart() {
    Path pwfile = dir.resolve("superuser-password");
    try {
      Files.writeString(pwfile, superPassword + "\n", StandardCharsets.UTF_8);
      if (asRoot) {
        chownToPostgres(pwfile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        "initdb",
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            SUPERUSER,
            "--pwfile=" + pwfile,
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));

    // the port is free when chosen; another process may take it before postgres binds: retry
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < 3 && !running; attempt++) {
      port = freePort();
      try {
        startServer();
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    if (!running) {
      throw failure;
    }
    shutdownHook = new Thread(this::stopQuietly, "stop PostgreSQL in " + dir);
    Runtime.getRuntime().addShutdownHook(shutdownHook);

    createDatabase();
  }

  /** This object's user and database (owned by it) in the running cluster. */
  private void createDatabase() {
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superPassword);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE " + database + " OWNER " + user + " ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the application's database: " + e, e);
    }
  }

  /** Starts the PostgreSQL server on the cluster's data directory and {@link #port}. */
  private void startServer() {
    run(
        "pg_ctl start",
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            log().toString(),
            "-w",
            "-t",
            "90",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -F -c full_page_writes=off"
                + " -c max_connections=200 -c log_lock_waits=on"
                + settings.stream().map(setting -> " -c " + setting).collect(joining()),
            "start"));
    running = true;
  }

  /**
   * A database and a user of its own in this running cluster, for a test class that can share the
   * cluster (one {@code initdb} and start fewer): the same API as this one's; its {@link #stop}
   * leaves the cluster to this object.
   *
   * @param name letters, digits and '_', lower case
   */
  public synchronized Postgres anotherDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]*") || name.equals(database)) {
      throw new IllegalArgumentException("not a name for another database: " + name);
    }
    if (cluster != this || !running) {
      throw new IllegalStateException("another database is made in the running cluster itself");
    }
    Postgres another = new Postgres(this, name);
    another.port = port;
    another.running = true;
    another.createDatabase();
    return another;
  }

  /**
   * Stops the PostgreSQL server at once, as a crash or a lost host would ({@code pg_ctl stop -m
   * immediate}): connections are cut, new ones refused. The data stays; {@link #resume} starts it
   * again on the same port.
   */
  public synchronized void pause() {
    if (cluster != this || !running) {
      throw new IllegalStateException("only the running cluster itself can be paused");
    }
    running = false;
    stopServer();
  }

  /** {@code pg_ctl stop -m immediate}: the server ends at once, its data stays. */
  private void stopServer() {
    run(
        "pg_ctl stop",
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-m",
            "immediate",
            "-w",
            "-t",
            "60",
            "stop"));
  }

  /** Starts the server {@link #pause} stopped, on the same port, its data recovered. */
  public synchronized void resume() {
    if (cluster != this || running) {
      throw new IllegalStateException("only the paused cluster itself can be resumed");
    }
    startServer();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a PostgreSQL command (as postgres when root); fails with its output and the log. */
  private void run(String what, List<String> command) {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of(runuser().orElseThrow().toString(), "-u", SUPERUSER, "--"));
    }
    full.addAll(command);
    Path output;
    try {
      output = Files.createTempFile("twilio-rules-pg-command-", ".out");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      ProcessBuilder builder =
          new ProcessBuilder(full)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().put("LC_ALL", "C");
      builder.environment().remove("PGDATA");
      builder.environment().remove("PGPORT");
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            what + " did not finish in " + COMMAND_TIMEOUT + ": " + String.join(" ", full));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            what
                + " failed (exit "
                + process.exitValue()
                + "): "
                + String.join(" ", full)
                + "\n--- output ---\n"
                + Files.readString(output)
                + "\n--- server log ---\n"
                + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + " could not run: " + String.join(" ", full), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // a temp file
      }
    }
  }

  private Path log() {
    return dir.resolve("postgres.log");
  }

  /** The PostgreSQL server's log so far. */
  public String serverLog() {
    try {
      return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(could not read " + log() + ": " + e + ")";
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The JDBC URL of the application's database. */
  public String jdbcUrl() {
    return jdbcUrl(database);
  }

  private String jdbcUrl(String name) {
    return "jdbc:postgresql://" + host() + ":" + port + "/" + name;
  }

  /**
   * The environment that points the application's server at this database: {@code DB_KIND}, {@code
   * DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}.
   */
  public Map<String, String> applicationEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_KIND", "postgresql");
    env.put("DB_HOST", host());
    env.put("DB_PORT", Integer.toString(port));
    env.put("DB_NAME", database);
    env.put("DB_USER", user);
    env.put("DB_PASSWORD", password);
    return env;
  }

  /** A connection to the application's database as the application's user. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /** The rows of a query on the application's database, each a map from column label to value. */
  public List<Map<String, Object>> query(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int column = 1; column <= meta.getColumnCount(); column++) {
            row.put(meta.getColumnLabel(column), result.getObject(column));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e, e);
    }
  }

  /**
   * Stops the cluster (immediately: it is thrown away) and removes its directory; for {@link
   * #anotherDatabase}, nothing: the cluster is its owner's.
   */
  public synchronized void stop() {
    if (cluster != this) {
      return;
    }
    try {
      if (running) {
        running = false;
        stopServer();
      }
    } finally {
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook is what called us
        }
        shutdownHook = null;
      }
      keepLog();
      Directories.delete(dir);
    }
  }

  /**
   * Where the server's log is kept once the cluster is gone: target/postgres-logs/, when the tests
   * run in the project's directory.
   */
  public Path keptLog() {
    return Path.of("target/postgres-logs").toAbsolutePath().resolve(dir.getFileName() + ".log");
  }

  private void keepLog() {
    if (Files.exists(log()) && Files.isDirectory(Path.of("target"))) {
      try {
        Files.createDirectories(keptLog().getParent());
        Files.copy(log(), keptLog(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        // only for diagnosis
      }
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("could not stop PostgreSQL in " + dir + ": " + e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
