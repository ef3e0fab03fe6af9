package io.picolabs.twilio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A Liberty server of its own for a test, for what Arquillian's managed container cannot do: give
 * the server an environment (server.env) and stop and start it mid-test.
 *
 * <p>It lives in the build's Liberty ({@code target/liberty/wlp}, made by {@code liberty:create})
 * as {@code usr/servers/<name>}, a copy of the integration tests' server's configuration ({@link
 * #TEMPLATE}, made from src/main/liberty/config like defaultServer: server.xml, database/, jdbc/,
 * configDropins/, ...; not its applications, logs, work area or data) in which:
 *
 * <ul>
 *   <li>the applications of server.xml ({@code twilio-rules.war} at /) are left out: the server
 *       runs exactly one application, the test's WAR, at the context root the test gives;
 *   <li>the HTTP and HTTPS ports are free ports of this machine, never the template's, set by
 *       {@code configDropins/overrides/zz-test-server.xml};
 *   <li>the environment the test gives is written to {@code server.env}.
 * </ul>
 *
 * A stale server of the same name (an earlier run that was killed) is stopped and its directory
 * replaced. A JVM shutdown hook stops a server the test forgot; tests still stop it in
 * {@code @AfterAll}.
 */
public final class LibertyServer implements AutoCloseable {
  private static final Path WLP =
      Path.of(System.getProperty("liberty.wlp", "target/liberty/wlp")).toAbsolutePath();

  /**
   * The integration tests' server (property it.server of the build), the one Arquillian manages;
   * never defaultServer, which liberty:run owns.
   */
  public static final String TEMPLATE = System.getProperty("it.server", "itServer");

  /** The usr/servers directory of the build's Liberty. */
  public static Path servers() {
    return WLP.resolve("usr/servers");
  }

  /** Parts of the template server that are not configuration. */
  private static final Set<String> NOT_CONFIGURATION =
      Set.of(
          "apps",
          "dropins",
          "logs",
          "workarea",
          "data",
          "tranlog",
          "resources",
          "messaging",
          "server.env",
          "server.xml");

  private static final Pattern APPLICATIONS =
      Pattern.compile(
          "<(webApplication|application|enterpriseApplication)\\b[^>]*?/>"
              + "|<(webApplication|application|enterpriseApplication)\\b[^>]*?>.*?</\\2>",
          Pattern.DOTALL);

  /**
   * A test server lives for seconds of light load: the client compiler alone (no C2) starts it
   * sooner on a machine of few cores, where the server compiler's threads compete with the start.
   */
  private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1\n";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String name;
  private final Path dir;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final StringBuilder config = new StringBuilder();
  private WebArchive war;
  private String contextRoot = "/";
  private int httpPort;
  private int httpsPort;
  private boolean created;
  private volatile boolean running;
  private int starts;
  private Thread shutdownHook;

  /** A server named {@code name} (letters, digits, '-', '_'), not created until {@link #start}. */
  public LibertyServer(String name) {
    if (!name.matches("[A-Za-z0-9_-]+") || name.equals(TEMPLATE) || name.equals("defaultServer")) {
      throw new IllegalArgumentException("not a name for a test server: " + name);
    }
    this.name = name;
    this.dir = servers().resolve(name);
  }

  /** An environment variable of the server (written to its server.env). */
  public LibertyServer env(String variable, String value) {
    if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*") || value.contains("\n")) {
      throw new IllegalArgumentException("not for server.env: " + variable + "=" + value);
    }
    env.put(variable, value);
    return this;
  }

  /** Environment variables of the server (written to its server.env). */
  public LibertyServer env(Map<String, String> variables) {
    variables.forEach(this::env);
    return this;
  }

  /**
   * Server configuration of this test server only (elements of {@code <server>}), added to its
   * configDropins/overrides/zz-test-server.xml.
   */
  public LibertyServer config(String elements) {
    config.append("    ").append(elements.strip()).append('\n');
    return this;
  }

  /**
   * The application the server runs, at {@code contextRoot} ("/" or "/name"); its name in the
   * server (and in CWWKZ0001I) is the archive's name without ".war".
   */
  public LibertyServer deploy(WebArchive application, String contextRoot) {
    if (!application.getName().endsWith(".war")) {
      throw new IllegalArgumentException("a WAR's name ends in .war: " + application.getName());
    }
    if (!contextRoot.startsWith("/")) {
      throw new IllegalArgumentException("a context root starts with '/': " + contextRoot);
    }
    this.war = application;
    this.contextRoot = contextRoot;
    return this;
  }

  /** The application's name in the server. */
  public String applicationName() {
    String file = war.getName();
    return file.substring(0, file.length() - ".war".length());
  }

  /** The server's directory (usr/servers/name). */
  public Path directory() {
    return dir;
  }

  /** Whether the server was started and not stopped or killed since. */
  public boolean isRunning() {
    return running;
  }

  public int httpPort() {
    return httpPort;
  }

  /** The application's base URL on loopback, ending in '/'. */
  public URL base() {
    try {
      return new URL(
          "http://127.0.0.1:" + httpPort + contextRoot + (contextRoot.endsWith("/") ? "" : "/"));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the server ({@code server start}) and waits until the application is started and the
   * HTTP port answers. The first start creates the server; later ones restart the same server.
   */
  public synchronized void start() {
    if (war == null) {
      throw new IllegalStateException("deploy a WAR before starting " + name);
    }
    if (running) {
      throw new IllegalStateException(name + " is already running");
    }
    if (!created) {
      create();
      created = true;
    }
    rotateLog();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    running = true; // from here on stop() must run, whatever happens
    if (shutdownHook == null) {
      shutdownHook = new Thread(this::stopQuietly, "stop Liberty server " + name);
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    starts++;
    CommandResult result = server("start", START_TIMEOUT);
    if (result.exit != 0) {
      throw new IllegalStateException(
          "server start "
              + name
              + " failed (exit "
              + result.exit
              + "):\n"
              + result.output
              + tail());
    }
    awaitApplication(deadline);
    awaitHttp(deadline);
  }

  /** Stops the server ({@code server stop}); does nothing when it is not running. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    CommandResult result = server("stop", STOP_TIMEOUT);
    Optional<ProcessHandle> left = serverProcess();
    if (left.isPresent()) {
      // server stop failed or timed out: this is our own server process, end it by its id
      left.get().destroyForcibly();
      left.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
      throw new IllegalStateException(
          "server stop " + name + " did not stop it (killed it):\n" + result.output + tail());
    }
  }

  /**
   * Kills the server's JVM at once, as a crash or a power cut would: SIGKILL, so that nothing of
   * Liberty's or the application's shutdown runs (no {@code @PreDestroy}, no last commit). The
   * server is then stopped as far as this object knows, and {@link #start} starts it again on the
   * same directory, ports and database.
   */
  public synchronized void kill() {
    if (!running) {
      throw new IllegalStateException(name + " is not running");
    }
    ProcessHandle process =
        serverProcess()
            .orElseThrow(() -> new IllegalStateException("no process of server " + name + tail()));
    running = false;
    process.destroyForcibly(); // SIGKILL on Linux
    // not onExit(): for a process that is not our child it polls every 300 ms and more
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!gone(process)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("server " + name + " (pid " + process.pid() + ") survived");
      }
      sleep(20);
    }
  }

  /** Ended, or dead and only waiting for whoever inherited it to reap it (a zombie). */
  private static boolean gone(ProcessHandle process) {
    if (!process.isAlive()) {
      return true;
    }
    String stat = read(Path.of("/proc/" + process.pid() + "/stat"));
    int end = stat.lastIndexOf(')'); // the state follows the command, which may hold spaces
    return end > 0 && stat.length() > end + 2 && stat.charAt(end + 2) == 'Z';
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // shutting down
        }
        shutdownHook = null;
      }
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("could not stop Liberty server " + name + ": " + e);
    }
  }

  /** The server's messages.log of the current (or last) run. */
  public String messages() {
    return read(dir.resolve("logs/messages.log"));
  }

  /** The last {@code lines} lines of messages.log. */
  public String messagesTail(int lines) {
    return lastLines(messages(), lines);
  }

  private String tail() {
    return "\n--- "
        + dir.resolve("logs/messages.log")
        + " (tail) ---\n"
        + messagesTail(60)
        + "\n--- console.log (tail) ---\n"
        + lastLines(read(dir.resolve("logs/console.log")), 20);
  }

  private static String lastLines(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
  }

  // --- creation ---

  private void create() {
    Path template = servers().resolve(TEMPLATE);
    if (!Files.isRegularFile(template.resolve("server.xml"))) {
      throw new IllegalStateException(
          template
              + "/server.xml is missing: the tests need the server liberty:create makes in"
              + " pre-integration-test (./mvnw verify)");
    }
    removeStale();
    try {
      Files.createDirectories(dir);
      copyConfiguration(template, dir);
      Files.writeString(dir.resolve("jvm.options"), JVM_OPTIONS, StandardCharsets.UTF_8);

      String serverXml = Files.readString(template.resolve("server.xml"), StandardCharsets.UTF_8);
      String withoutApplications =
          APPLICATIONS
              .matcher(serverXml)
              .replaceAll(
                  "<!-- (LibertyServer: the applications of "
                      + TEMPLATE
                      + " are left out; see configDropins/overrides/zz-test-server.xml) -->");
      Files.writeString(dir.resolve("server.xml"), withoutApplications, StandardCharsets.UTF_8);

      httpPort = freePort();
      do {
        httpsPort = freePort();
      } while (httpsPort == httpPort);
      Path overrides = dir.resolve("configDropins/overrides");
      Files.createDirectories(overrides);
      Files.writeString(
          overrides.resolve("zz-test-server.xml"),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<!-- Written by LibertyServer: this test server's ports and application -->\n"
              + "<server>\n"
              + "    <variable name=\"http.port\" value=\""
              + httpPort
              + "\"/>\n"
              + "    <variable name=\"https.port\" value=\""
              + httpsPort
              + "\"/>\n"
              + "    <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\""
              + httpPort
              + "\" httpsPort=\""
              + httpsPort
              + "\"/>\n"
              + "    <webApplication id=\""
              + applicationName()
              + "\" name=\""
              + applicationName()
              + "\" location=\""
              + war.getName()
              + "\" contextRoot=\""
              + contextRoot
              + "\">\n"
              // as server.xml gives the project's WAR: the OpenTelemetry API for the rule and
              // send spans
              + "        <classloader apiTypeVisibility=\"+third-party\"/>\n"
              + "    </webApplication>\n"
              + config
              + "</server>\n",
          StandardCharsets.UTF_8);

      // server.env: the template's (its keystore password) and the test's variables
      StringBuilder serverEnv = new StringBuilder();
      String templateEnv = read(template.resolve("server.env"));
      if (!templateEnv.isEmpty()) {
        serverEnv.append(templateEnv);
        if (!templateEnv.endsWith("\n")) {
          serverEnv.append('\n');
        }
      }
      env.forEach((key, value) -> serverEnv.append(key).append('=').append(value).append('\n'));
      Files.writeString(dir.resolve("server.env"), serverEnv, StandardCharsets.UTF_8);

      Path apps = dir.resolve("apps");
      Files.createDirectories(apps);
      war.as(ZipExporter.class).exportTo(apps.resolve(war.getName()).toFile(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create server " + name, e);
    }
  }

  private static void copyConfiguration(Path template, Path target) throws IOException {
    try (Stream<Path> entries = Files.list(template)) {
      for (Path entry : entries.toList()) {
        if (!NOT_CONFIGURATION.contains(entry.getFileName().toString())) {
          copyTree(entry, target.resolve(entry.getFileName().toString()));
        }
      }
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** A server of this name left by an earlier run: stopped, then its directory removed. */
  private void removeStale() {
    if (Files.exists(dir) || serverProcess().isPresent()) {
      if (serverProcess().isPresent()) {
        System.err.println("Liberty server " + name + " is left from an earlier run: stopping it");
        server("stop", STOP_TIMEOUT);
        serverProcess()
            .ifPresent(
                process -> {
                  process.destroyForcibly();
                  process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
      }
      Directories.delete(dir);
      if (Files.exists(dir)) {
        throw new IllegalStateException("could not remove the stale server directory " + dir);
      }
    }
  }

  /**
   * The server's process, from the pid file {@code server start} writes, if it is alive and is this
   * server's Liberty (a recycled pid is left alone).
   */
  private Optional<ProcessHandle> serverProcess() {
    Path pidFile = WLP.resolve("usr/servers/.pid").resolve(name + ".pid");
    String text = read(pidFile).trim();
    if (!text.matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(text))
        .filter(ProcessHandle::isAlive)
        .filter(
            process ->
                process
                    .info()
                    .commandLine()
                    .map(line -> line.contains("ws-server.jar") && line.contains(name))
                    .orElse(false));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      if (port == 9080 || port == 9443) {
        return freePort();
      }
      return port;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the previous run's messages.log as messages-run<n>.log, so each start reads its own. */
  private void rotateLog() {
    Path log = dir.resolve("logs/messages.log");
    if (Files.exists(log)) {
      try {
        Files.move(
            log,
            dir.resolve("logs/messages-run" + starts + ".log"),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // --- waiting ---

  private void awaitApplication(long deadline) {
    String started = "CWWKZ0001I: Application " + applicationName() + " started";
    Pattern failed = Pattern.compile("CWWKZ000[24]E|CWWKZ0014W|CWWKE0701E|CWWKF0001E");
    while (true) {
      String log = messages();
      if (log.contains(started)) {
        return;
      }
      var failure = failed.matcher(log);
      if (failure.find()) {
        throw new IllegalStateException(
            "application "
                + applicationName()
                + " of server "
                + name
                + " failed to start"
                + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "application "
                + applicationName()
                + " of server "
                + name
                + " not started in "
                + START_TIMEOUT
                + " (no "
                + started
                + ")"
                + tail());
      }
      sleep(200);
    }
  }

  private void awaitHttp(long deadline) {
    URI uri = URI.create("http://127.0.0.1:" + httpPort + "/");
    while (true) {
      try {
        HTTP.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        return; // any status: the server answers
      } catch (ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "server " + name + " does not answer on " + uri + ": " + e + tail());
        }
        sleep(200);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "server " + name + " does not answer on " + uri + ": " + e + tail());
        }
        sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  // --- the server script ---

  private record CommandResult(int exit, String output) {}

  private CommandResult server(String action, Duration timeout) {
    List<String> command = List.of(WLP.resolve("bin/server").toString(), action, name);
    Path output = null;
    try {
      output = Files.createTempFile("liberty-" + name + "-" + action + "-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(WLP.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("JAVA_HOME", System.getProperty("java.home"));
      // the server's place is this build's Liberty, whatever the caller's environment says
      environment.remove("WLP_USER_DIR");
      environment.remove("WLP_OUTPUT_DIR");
      environment.remove("SERVER_WORKING_DIR");
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new CommandResult(
            -1, "(timed out after " + timeout + ")\n" + Files.readString(output));
      }
      return new CommandResult(process.exitValue(), Files.readString(output));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a temp file
        }
      }
    }
  }
}
