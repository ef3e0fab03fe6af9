package io.picolabs.twilio.testing;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.signature;
import static io.picolabs.twilio.testing.TwilioRequests.uri;

import io.picolabs.twilio.outbound.OutboxTestRules;
import io.picolabs.twilio.security.Secrets;
import io.picolabs.twilio.testkit.FakeTwilio;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two instances behind one (imagined) load balancer: two Liberty servers, A and B ({@link
 * LibertyServer}), running the project's WAR (with {@link OutboxTestRules}) at {@code /} on the
 * shared PostgreSQL cluster's database ({@link Postgres#shared}), sending to one fake Twilio
 * (random SIDs, messages stay queued: the tests play the status callbacks), both configured with
 * the same public URL. Shared by the test classes of several instances on one database (the
 * outbox's, the readiness's) within a run ({@link SharedFixtures}): two server starts for all of
 * them.
 *
 * <p>Which instance ran a rule is the server's {@code TEST_INSTANCE} variable, "A" or "B".
 */
public final class PostgresInstances implements AutoCloseable {
  public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
  public static final String PUBLIC_URL = "http://twilio-rules.example.test";

  /**
   * How far B's clock runs ahead of A's, as the outbox reads it: by a host's own clock B would take
   * every claim of A's as expired at once.
   */
  public static final long CLOCK_SKEW_MILLIS = 60_000;

  /** How long an outbox claim lasts on both instances. */
  public static final long OUTBOX_LEASE_SECONDS = 8;

  private final Postgres postgres;
  private final FakeTwilio twilio;
  private final LibertyServer a;
  private final LibertyServer b;

  private PostgresInstances(Postgres postgres, FakeTwilio twilio) {
    this.postgres = postgres;
    this.twilio = twilio;
    this.a = server("postgresInstanceA", "A", 0);
    this.b = server("postgresInstanceB", "B", CLOCK_SKEW_MILLIS);
  }

  /**
   * The run's two instances, running (started again if a class left one stopped); skips the calling
   * test where PostgreSQL is not installed.
   */
  public static PostgresInstances get() {
    PostgresInstances shared =
        SharedFixtures.get(PostgresInstances.class, PostgresInstances::start);
    for (LibertyServer server : new LibertyServer[] {shared.a, shared.b}) {
      if (!server.isRunning()) {
        server.start();
      }
    }
    return shared;
  }

  private static PostgresInstances start() {
    Postgres postgres = Postgres.shared();
    PostgresInstances shared =
        new PostgresInstances(postgres, FakeTwilio.start(AUTH_TOKEN).messagesStayQueued());
    try {
      shared.a.start();
      shared.b.start();
      return shared;
    } catch (RuntimeException | Error e) {
      shared.close();
      throw e;
    }
  }

  private LibertyServer server(String name, String instance, long clockOffsetMillis) {
    WebArchive application = Wars.project("twilio-rules.war").addClass(OutboxTestRules.class);
    return new LibertyServer(name)
        .env(postgres.applicationEnvironment())
        .env("TWILIO_API_URL", twilio.url())
        .env("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
        .env("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
        .env("EVENTS_TOKEN", EVENTS_TOKEN)
        .env("TWILIO_WEBHOOK_PUBLIC_URL", PUBLIC_URL)
        .env("TEST_INSTANCE", instance)
        .env("TWILIO_OUTBOX_CLOCK_OFFSET_MS", Long.toString(clockOffsetMillis))
        // short claims, so that the crash tests' takeovers come within seconds (the lease must
        // cover a request: 2 s to connect and 4 s to read, plus its margin)
        .env("TWILIO_CONNECT_TIMEOUT_MS", "2000")
        .env("TWILIO_READ_TIMEOUT_MS", "4000")
        .env("TWILIO_OUTBOX_LEASE_SECONDS", Long.toString(OUTBOX_LEASE_SECONDS))
        .env("TWILIO_OUTBOX_RECONCILE_DELAY_MS", "1000")
        .deploy(application, "/");
  }

  /**
   * A form POST to {@code path} (and query) on {@code server}, signed over the public URL both
   * instances are configured with, with Twilio's {@code I-Twilio-Idempotency-Token}: as Twilio
   * sends it through the load balancer.
   */
  public static HttpResponse<String> signedPost(
      LibertyServer server, String path, Map<String, String> params, String idempotencyToken) {
    URI signed = URI.create(PUBLIC_URL + "/" + path);
    return send(
        HttpRequest.newBuilder(uri(server.base(), path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature(signed, params))
            .header("I-Twilio-Idempotency-Token", idempotencyToken)
            .POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8)));
  }

  /**
   * The key in {@code TWILIO_REPLAY} of a delivery to {@code path} with Twilio's idempotency token
   * {@code token}: the SHA-256 of the request's path and the token ({@code webhook.Replays}).
   */
  public static String deliveryKey(String path, String token) {
    String key = "/" + path + " " + token;
    return HexFormat.of().formatHex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** The database both instances use (the shared cluster's own). */
  public Postgres postgres() {
    return postgres;
  }

  public FakeTwilio twilio() {
    return twilio;
  }

  public LibertyServer a() {
    return a;
  }

  public LibertyServer b() {
    return b;
  }

  @Override
  public void close() {
    try (twilio) {
      try {
        b.close();
      } finally {
        a.close();
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresInstances " + a.directory() + ", " + b.directory();
  }
}
