package io.picolabs.twilio.testing;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.awaitOutboxSettled;

import io.picolabs.twilio.testkit.FakeTwilio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's WAR as built, at {@code /} on a Liberty server of its own ({@link LibertyServer})
 * with an embedded Derby database of its own and a fake Twilio, shared by the test classes that
 * need a whole server: health (Liberty's is server-wide), traces (configured by the server's
 * environment), a restart and a crash. One start serves them all ({@link SharedFixtures}).
 *
 * <p>Its environment is what they need together: the tokens, the fake (random SIDs, as the outbox
 * on disk keeps them; messages stay queued: no status callbacks race a test), OpenTelemetry with
 * the logging exporter (spans in messages.log), and the crash test's outbox: one sender, a 5 s
 * lease (the shortest a 1 s connect and 2 s read timeout allow), reconciliation 200 ms after it ran
 * out, a poll every 200 ms.
 *
 * <p>A class may stop, kill and start the server: {@link #get} starts it again when a class left it
 * stopped. A class that counts what reached the fake starts with {@link #quiet}.
 */
public final class ProjectServer implements AutoCloseable {
  /** The account the server sends through. */
  public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

  private final FakeTwilio twilio;
  private final Path derbyHome;
  private final LibertyServer server;

  private ProjectServer(FakeTwilio twilio, Path derbyHome, LibertyServer server) {
    this.twilio = twilio;
    this.derbyHome = derbyHome;
    this.server = server;
  }

  /** The run's shared server, running. */
  public static ProjectServer get() {
    ProjectServer shared = SharedFixtures.get(ProjectServer.class, ProjectServer::start);
    if (!shared.server.isRunning()) {
      shared.server.start();
    }
    return shared;
  }

  private static ProjectServer start() {
    FakeTwilio twilio = FakeTwilio.start(AUTH_TOKEN).messagesStayQueued();
    Path derbyHome;
    try {
      derbyHome = Files.createTempDirectory(target(), "project-derby-");
    } catch (IOException e) {
      twilio.close();
      throw new UncheckedIOException(e);
    }
    LibertyServer server =
        new LibertyServer("projectServer")
            .env("DB_KIND", "derby")
            .env("DB_DERBY_PATH", derbyHome.resolve("twilio-rules").toString())
            .env("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
            .env("EVENTS_TOKEN", EVENTS_TOKEN)
            .env("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
            .env("TWILIO_API_URL", twilio.url())
            .env("OTEL_SDK_DISABLED", "false")
            .env("OTEL_SERVICE_NAME", "twilio-rules-test")
            .env("OTEL_TRACES_EXPORTER", "logging")
            .env("OTEL_METRICS_EXPORTER", "none")
            .env("OTEL_LOGS_EXPORTER", "none")
            .env("TWILIO_OUTBOX_CONCURRENCY", "1")
            .env("TWILIO_CONNECT_TIMEOUT_MS", "1000")
            .env("TWILIO_READ_TIMEOUT_MS", "2000")
            .env("TWILIO_OUTBOX_LEASE_SECONDS", "5")
            .env("TWILIO_OUTBOX_RECONCILE_DELAY_MS", "200")
            .env("TWILIO_OUTBOX_POLL_MS", "200")
            .deploy(Wars.project("twilio-rules.war"), "/");
    ProjectServer shared = new ProjectServer(twilio, derbyHome, server);
    try {
      server.start();
      return shared;
    } catch (RuntimeException | Error e) {
      shared.close();
      throw e;
    }
  }

  private static Path target() throws IOException {
    return Files.createDirectories(Path.of("target").toAbsolutePath());
  }

  public LibertyServer server() {
    return server;
  }

  /** The application's base URL, ending in '/'. */
  public URL base() {
    return server.base();
  }

  /** The fake Twilio the server sends to (its API URL). */
  public FakeTwilio twilio() {
    return twilio;
  }

  /** Where the server's Derby database is (its DB_DERBY_PATH). */
  public Path derbyDatabase() {
    return derbyHome.resolve("twilio-rules");
  }

  /**
   * Waits until no message or call of the outbox is left to send (what an earlier class raised),
   * then {@linkplain FakeTwilio#reset resets} the fake: a class starts from a quiet server.
   */
  public void quiet() {
    awaitOutboxSettled(base());
    twilio.reset();
  }

  @Override
  public void close() {
    try (twilio) {
      server.close();
    } finally {
      Directories.delete(derbyHome);
    }
  }

  @Override
  public String toString() {
    return "ProjectServer " + server.directory();
  }
}
