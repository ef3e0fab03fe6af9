package io.picolabs.twilio.ops;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.post;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.Directories;
import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.ProjectServer;
import io.picolabs.twilio.testing.RelayClient;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health and metrics of the WAR as built. On the managed Liberty: the metrics a signed call, an
 * unsigned request and a send leave in {@code /metrics}. On servers of their own (each its own
 * database, the WAR at {@code /}, so that the application's {@code /} is seen not to shadow {@code
 * /health} and {@code /metrics}): readiness, liveness and started UP with their named checks (on
 * the shared {@link ProjectServer}); and readiness DOWN without an auth token, while an outbox
 * entry older than the configured age is a detail of an UP check and a gauge, never DOWN (on a
 * server configured for it).
 *
 * <p>Health is server-wide (every application's checks, and whether every configured application
 * has started, in one answer), which is why health is not checked on the shared managed server.
 */
@ExtendWith(ArquillianExtension.class)
class OpsIT {
  static final FakeTwilio TWILIO = FakeTwilio.start(AUTH_TOKEN).statusDelay(Duration.ofMillis(20));
  static final String ACCOUNT = "AC00000000000000000000000000000021";

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.auth-token=" + AUTH_TOKEN,
            "events.token=" + EVENTS_TOKEN,
            "twilio.account-sid=" + ACCOUNT,
            "twilio.api-url=" + TWILIO.url(),
            "twilio.outbox.poll-ms=200");
    return war("ops.war", config);
  }

  private static WebArchive war(String name, String config) {
    return Wars.project(name)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  @ArquillianResource URL base;

  // --- health ---

  /**
   * On a server of its own (the shared {@link ProjectServer}): the managed one lists in server.xml
   * an application it never deploys (the WAR at /), and Liberty reports readiness and started DOWN
   * while any listed application has not started (CWMMH0053W), whatever the checks say.
   */
  @Test
  void healthIsUpWithTheNamedChecks() {
    URL root = ProjectServer.get().base();
    HttpResponse<String> ready = get(root, "/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject health = json(ready.body());
    assertEquals("UP", health.getString("status"), ready.body());
    Map<String, JsonObject> checks = checks(health);
    assertEquals(List.of("twilio-database", "twilio-outbox", "twilio-webhooks"), sorted(checks));
    assertEquals(
        json(
            "{\"name\":\"twilio-webhooks\",\"status\":\"UP\","
                + "\"data\":{\"signature-validation\":true}}"),
        checks.get("twilio-webhooks"));
    assertEquals(
        json("{\"name\":\"twilio-database\",\"status\":\"UP\",\"data\":{}}"),
        checks.get("twilio-database"));
    assertEquals(
        json("{\"name\":\"twilio-outbox\",\"status\":\"UP\",\"data\":{\"max-age-seconds\":300}}"),
        checks.get("twilio-outbox"));

    HttpResponse<String> live = get(root, "/health/live");
    assertEquals(200, live.statusCode(), live.body());
    assertEquals(
        json(
            "{\"status\":\"UP\",\"checks\":[{\"name\":\"twilio-engine\",\"status\":\"UP\",\"data\":{}}]}"),
        json(live.body()));

    HttpResponse<String> started = get(root, "/health/started");
    assertEquals(200, started.statusCode(), started.body());
    assertEquals(
        json(
            "{\"status\":\"UP\",\"checks\":[{\"name\":\"twilio-started\",\"status\":\"UP\",\"data\":{}}]}"),
        json(started.body()));
  }

  // --- metrics ---

  static final String ANSWERED_CALLS =
      "twilio_webhooks_total{mp_scope=\"application\",outcome=\"answered\",type=\"inbound_call\",}";
  static final String REFUSED =
      "twilio_webhooks_total{mp_scope=\"application\",outcome=\"refused_signature\",type=\"-\",}";
  static final String MONKEY_FIRED =
      "twilio_rule_runs_total{mp_scope=\"application\",outcome=\"fired\",rule=\"HelloMonkey.answer\",}";
  static final String MONKEY_TIMED =
      "twilio_rule_duration_seconds_count{mp_scope=\"application\",rule=\"HelloMonkey.answer\",}";
  static final String SMS_SENT =
      "twilio_outbound_sends_total{error_code=\"none\",kind=\"sms\",mp_scope=\"application\",outcome=\"sent\",}";
  static final String NOTIFICATION_FIRED =
      "twilio_rule_runs_total{mp_scope=\"application\",outcome=\"fired\",rule=\"NotificationSms.sms\",}";

  @Test
  void aSignedCallAndAnUnsignedRequestAreCounted() {
    Map<String, Double> before = metrics(base, ANSWERED_CALLS, REFUSED, MONKEY_FIRED, MONKEY_TIMED);

    HttpResponse<String> call = postForm(base, "twilio/inbound_call", inboundCall("+8015552311"));
    assertEquals(200, call.statusCode(), call.body());
    assertTrue(call.body().contains("<Say>Hello Big Bird</Say>"), call.body());
    HttpResponse<String> unsigned =
        post(
            base,
            "twilio/made_up_" + System.nanoTime(),
            "application/x-www-form-urlencoded",
            "From=%2B15551234567");
    assertEquals(403, unsigned.statusCode(), unsigned.body());

    Map<String, Double> after = metrics(base, ANSWERED_CALLS, REFUSED, MONKEY_FIRED, MONKEY_TIMED);
    assertEquals(1.0, after.get(ANSWERED_CALLS) - before.get(ANSWERED_CALLS), ANSWERED_CALLS);
    assertEquals(1.0, after.get(REFUSED) - before.get(REFUSED), REFUSED);
    assertEquals(1.0, after.get(MONKEY_FIRED) - before.get(MONKEY_FIRED), MONKEY_FIRED);
    assertEquals(1.0, after.get(MONKEY_TIMED) - before.get(MONKEY_TIMED), MONKEY_TIMED);
    String text = get(base, "/metrics?scope=application").body();
    assertTrue(!text.contains("made_up_"), "an unsigned request made a series of its own type");
  }

  static final String MONKEY_PROMPTS =
      "twilio_session_messages_total{kind=\"relay\",mp_scope=\"application\",type=\"monkey_prompt\",}";
  static final String MONKEY_SETUPS =
      "twilio_session_messages_total{kind=\"relay\",mp_scope=\"application\",type=\"monkey_setup\",}";

  @Test
  void eachMessageOfARelaySessionIsCounted() {
    Map<String, Double> before = metrics(base, MONKEY_PROMPTS, MONKEY_SETUPS);
    try (RelayClient twilio = RelayClient.signed(base, "monkey")) {
      twilio.send(
          "{\"type\":\"setup\",\"sessionId\":\"VX1\",\"callSid\":\"CA1\","
              + "\"from\":\"+18015550166\",\"to\":\"+18005550100\",\"direction\":\"inbound\"}");
      twilio.send(
          "{\"type\":\"prompt\",\"voicePrompt\":\"I think four\",\"lang\":\"en-US\",\"last\":true}");
      assertEquals(
          "{\"type\":\"text\",\"token\":\"Your favorite number is 4.\",\"last\":true}",
          twilio.next());
    }
    Map<String, Double> after = metrics(base, MONKEY_PROMPTS, MONKEY_SETUPS);
    assertEquals(1.0, after.get(MONKEY_PROMPTS) - before.get(MONKEY_PROMPTS), MONKEY_PROMPTS);
    assertEquals(1.0, after.get(MONKEY_SETUPS) - before.get(MONKEY_SETUPS), MONKEY_SETUPS);
  }

  @Test
  void aSendIsCountedOnceTwilioAcceptsIt() {
    Map<String, Double> before = metrics(base, SMS_SENT, NOTIFICATION_FIRED);
    String to = "+1801555" + (1000 + (System.nanoTime() % 9000));
    HttpResponse<String> raised =
        event(
            base,
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\""
                + to
                + "\",\"from_number\":\"+18005551212\",\"message\":\"Table ready\"}");
    assertEquals(200, raised.statusCode(), raised.body());
    assertEquals(1, outboxIds(raised.body()).size(), raised.body());
    TWILIO.awaitText(to, Duration.ofSeconds(20));
    double sent =
        eventually(
            20,
            "the send counted",
            () -> {
              double now = metrics(base, SMS_SENT).get(SMS_SENT);
              return now > before.get(SMS_SENT) ? Optional.of(now) : Optional.empty();
            });
    assertEquals(1.0, sent - before.get(SMS_SENT), SMS_SENT);
    assertEquals(
        1.0,
        metrics(base, NOTIFICATION_FIRED).get(NOTIFICATION_FIRED) - before.get(NOTIFICATION_FIRED),
        NOTIFICATION_FIRED);
  }

  // --- readiness DOWN, on a server of its own ---

  @Test
  void readinessIsDownWithoutAuthTokenAndAnOldOutboxEntryIsADetailNotDown() throws IOException {
    Path derbyHome = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ops-derby-");
    String config =
        String.join(
            "\n",
            "events.token=" + EVENTS_TOKEN,
            "twilio.accounts.alerts.account-sid=AC00000000000000000000000000000022",
            "twilio.accounts.alerts.auth-token=alerts-token",
            // nothing listens there: each attempt is refused and retried a minute later
            "twilio.api-url=http://127.0.0.1:" + closedPort(),
            "twilio.retry.max-attempts=100",
            "twilio.retry.initial-delay-ms=60000",
            "twilio.retry.max-delay-ms=60000",
            "twilio.outbox.poll-ms=200",
            "twilio.health.outbox-max-age-seconds=1");
    WebArchive application = war("twilio-rules.war", config + "\n").addClass(BacklogRules.class);
    try (LibertyServer server =
        new LibertyServer("opsDownServer")
            .env("DB_KIND", "derby")
            .env("DB_DERBY_PATH", derbyHome.resolve("twilio-rules").toString())
            .deploy(application, "/")) {
      server.start();
      URL root = server.base();

      HttpResponse<String> ready = get(root, "/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      Map<String, JsonObject> checks = checks(json(ready.body()));
      assertEquals(List.of("twilio-database", "twilio-outbox", "twilio-webhooks"), sorted(checks));
      assertEquals(
          json(
              "{\"name\":\"twilio-webhooks\",\"status\":\"DOWN\",\"data\":{\"signature-validation\":true,"
                  + "\"reason\":\"twilio.auth-token (TWILIO_AUTH_TOKEN) is not set: every webhook will"
                  + " be refused with 403 until it is\"}}"),
          checks.get("twilio-webhooks"));
      assertEquals("UP", checks.get("twilio-database").getString("status"), ready.body());
      assertEquals(
          json("{\"name\":\"twilio-outbox\",\"status\":\"UP\",\"data\":{\"max-age-seconds\":1}}"),
          checks.get("twilio-outbox"));

      HttpResponse<String> raised =
          event(
              root,
              "events/ops/alert",
              "application/json",
              "{\"to\":\"+18015550100\",\"from\":\"+18005551212\",\"message\":\"disk full\"}");
      assertEquals(200, raised.statusCode(), raised.body());
      assertEquals(1, outboxIds(raised.body()).size(), raised.body());

      JsonObject outbox =
          eventually(
              15,
              "the outbox reported behind",
              () -> {
                JsonObject check =
                    checks(json(get(root, "/health/ready").body())).get("twilio-outbox");
                return check.getJsonObject("data").containsKey("behind")
                    ? Optional.of(check)
                    : Optional.empty();
              });
      // behind is a detail, never DOWN: readiness is DOWN here for the auth token alone
      assertEquals("UP", outbox.getString("status"), outbox.toString());
      JsonObject data = outbox.getJsonObject("data");
      assertEquals(1, data.getInt("max-age-seconds"), outbox.toString());
      assertTrue(data.getBoolean("behind"), outbox.toString());
      long age = data.getJsonNumber("oldest-unsettled-age-seconds").longValue();
      assertTrue(age >= 2, outbox.toString());
      assertEquals(
          "the oldest unsettled outbox entry was created "
              + age
              + " s ago, more than twilio.health.outbox-max-age-seconds (1)",
          data.getString("reason"));
      Map<String, JsonObject> now = checks(json(get(root, "/health/ready").body()));
      assertEquals("DOWN", now.get("twilio-webhooks").getString("status"), now.toString());
      assertEquals("UP", now.get("twilio-outbox").getString("status"), now.toString());
      assertEquals("UP", now.get("twilio-database").getString("status"), now.toString());

      // the backlog's age as a gauge, for alerts
      String gauge = "twilio_outbox_backlog_age_seconds{mp_scope=\"application\",} ";
      double ageGauge =
          eventually(
              15,
              "the backlog's age in /metrics",
              () -> {
                String scraped = get(root, "/metrics?scope=application").body();
                int at = scraped.indexOf(gauge);
                return at < 0
                    ? Optional.empty()
                    : Optional.of(
                        Double.parseDouble(
                            scraped.substring(at + gauge.length(), scraped.indexOf('\n', at))));
              });
      assertTrue(ageGauge >= 2, "backlog age " + ageGauge);

      // the refused connection was counted as a retry (the sender's first attempt may come after
      // the entry is a second old, on a loaded machine), and Prometheus needs no credentials
      String retried =
          "twilio_outbound_sends_total{error_code=\"none\",kind=\"sms\","
              + "mp_scope=\"application\",outcome=\"retried\",} 1.0\n";
      HttpResponse<String> metrics =
          eventually(
              15,
              "the refused send counted as retried in /metrics",
              () -> {
                HttpResponse<String> scraped = get(root, "/metrics?scope=application");
                assertEquals(200, scraped.statusCode(), scraped.body());
                return scraped.body().contains(retried) ? Optional.of(scraped) : Optional.empty();
              });
      assertTrue(metrics.body().contains(retried), metrics.body());
    } finally {
      Directories.delete(derbyHome);
    }
  }

  // --- helpers ---

  static HttpResponse<String> get(URL at, String path) {
    URI uri = URI.create("http://127.0.0.1:" + at.getPort() + path);
    return send(HttpRequest.newBuilder(uri).GET());
  }

  static Map<String, JsonObject> checks(JsonObject health) {
    Map<String, JsonObject> checks = new LinkedHashMap<>();
    for (JsonValue check : health.getJsonArray("checks")) {
      JsonObject object = check.asJsonObject();
      checks.put(object.getString("name"), object);
    }
    return checks;
  }

  private static List<String> sorted(Map<String, ?> map) {
    return map.keySet().stream().sorted().toList();
  }

  /**
   * The values of exactly these series (name and labels as Prometheus text has them), 0 if absent.
   */
  static Map<String, Double> metrics(URL at, String... series) {
    HttpResponse<String> response = get(at, "/metrics?scope=application");
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : series) {
      Matcher line =
          Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(response.body());
      values.put(name, line.find() ? Double.parseDouble(line.group(1)) : 0.0);
    }
    return values;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
