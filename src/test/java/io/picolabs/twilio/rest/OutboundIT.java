package io.picolabs.twilio.rest;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.appVars;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.TwilioRequests;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.SentText;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * send_sms and place_call from the WAR, against a fake Twilio REST API on loopback: written to the
 * outbox when the rule commits, sent by the sender after the answer, their outcomes raised to the
 * rules (which keep them in application variables, read here), their status callbacks recorded.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {
  static final String SID = "AC00000000000000000000000000000001";
  static final String TOKEN = AUTH_TOKEN; // the default account signs webhooks and sends
  static final String ALERTS_SID = "AC00000000000000000000000000000002";
  static final String ALERTS_TOKEN = "alerts-secret-token";
  // random SIDs, never repeated (the outbox keeps them); the tests play the status callbacks
  static final FakeTwilio TWILIO =
      FakeTwilio.start(TOKEN).messagesStayQueued().account(ALERTS_SID, ALERTS_TOKEN);

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.api-url=" + TWILIO.url(),
            "twilio.account-sid=" + SID,
            "twilio.accounts.alerts.account-sid=" + ALERTS_SID,
            "twilio.accounts.alerts.auth-token=" + ALERTS_TOKEN,
            "twilio.accounts.ghost.account-sid=AC00000000000000000000000000000003",
            "twilio.retry.initial-delay-ms=100",
            "twilio.retry.max-delay-ms=400",
            "twilio.retry.max-attempts=5",
            "twilio.connect-timeout-ms=1000",
            "twilio.read-timeout-ms=6000",
            "twilio.outbox.reconcile-delay-ms=300",
            "twilio.outbox.poll-ms=200",
            tokens());
    return Wars.project("outbound.war")
        .addClass(OutboundRules.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @BeforeEach
  void resetFake() {
    // an earlier test's send still retrying would reach this test's fake (and take its script)
    TwilioRequests.awaitOutboxSettled(base);
    TWILIO.reset();
  }

  private static String basic(String sid, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private String origin() {
    return uri(base, "").toString().replaceAll("/$", "");
  }

  private HttpResponse<String> send(String json) {
    return event(base, "events/test/send", "application/json", json);
  }

  /** Queues a text of {@code message} from +18005551212 to +18015552311: its outbox entry. */
  private String queued(String message) {
    return onlyEntry(
        send(
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"" + message + "\"}"));
  }

  /** The one outbox entry an event channel answer names. */
  private static String onlyEntry(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    List<String> ids = outboxIds(answer.body());
    assertEquals(1, ids.size(), answer.body());
    return ids.get(0);
  }

  /** What the test rules kept of the outcome of entry {@code id}, once the sender raised it. */
  private String outcome(String id) {
    return appVar("outcome-" + id);
  }

  private String appVar(String name) {
    return eventually(
        20,
        "application variable " + name,
        () -> {
          JsonObject vars = appVars(base);
          return Optional.ofNullable(vars.containsKey(name) ? vars.getString(name) : null);
        });
  }

  /** The SID of the {@code i}th message the fake accepted in this test, once it has. */
  private static String sid(int i) {
    return eventually(
        20,
        "the fake accepting message " + i,
        () -> Optional.ofNullable(TWILIO.texts().size() > i ? TWILIO.texts().get(i).sid() : null));
  }

  /** The SID of the {@code i}th call the fake accepted in this test, once it has. */
  private static String callSid(int i) {
    return eventually(
        20,
        "the fake accepting call " + i,
        () -> Optional.ofNullable(TWILIO.calls().size() > i ? TWILIO.calls().get(i).sid() : null));
  }

  private static void assertMessageRequest(
      FakeTwilio.Request request, String sid, String token, Map<String, List<String>> form) {
    assertEquals("POST", request.method());
    assertEquals("/2010-04-01/Accounts/" + sid + "/Messages.json", request.path());
    assertEquals(basic(sid, token), request.header("Authorization"));
    assertTrue(request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals(form, request.form());
  }

  private Map<String, List<String>> messageForm(String to, String body, String id) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("To", List.of(to));
    form.put("From", List.of("+18005551212"));
    form.put("Body", List.of(body));
    form.put("StatusCallback", List.of(origin() + "/twilio/sms_status?outbox=" + id));
    return form;
  }

  @Test
  void theSeedRulesetSendsTheNotificationAfterAnswering() {
    String message = "Hi & bye + 100% ünïcødé 🐵 a=b";
    HttpResponse<String> response =
        event(
            base,
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\",\"message\":\""
                + message
                + "\"}");
    String id = onlyEntry(response);
    assertEquals(
        "{\"domain\":\"notification\",\"type\":\"status\",\"fired\":[\"NotificationSms.sms\"],"
            + "\"failed\":[],\"directives\":[],\"outbox\":[\""
            + id
            + "\"]}",
        response.body());
    assertEquals(
        "sms_sent "
            + sid(0)
            + " queued segments=1 to=+18015552311 body="
            + message
            + " account=default",
        outcome(id));
    List<FakeTwilio.Request> requests = TWILIO.posts();
    assertEquals(1, requests.size());
    assertMessageRequest(requests.get(0), SID, TOKEN, messageForm("+18015552311", message, id));
    assertTrue(requests.get(0).body().contains("To=%2B18015552311"), requests.get(0).body());
  }

  @Test
  void aSlowTwilioDoesNotHoldUpTheAnswerAndStillGetsTheMessageOnce() {
    TWILIO.slowDown(Duration.ofMillis(5000));
    long start = System.nanoTime();
    HttpResponse<String> response =
        send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"slow\"}");
    long answeredMillis = (System.nanoTime() - start) / 1_000_000;
    String id = onlyEntry(response);
    assertTrue(answeredMillis < 1000, "answered in " + answeredMillis + " ms");
    assertTrue(outcome(id).startsWith("sms_sent " + sid(0) + " queued"));
    assertEquals(1, TWILIO.posts().size());
  }

  @Test
  void aSendQueuedInANestedEventGoesOnlyWhenTheOuterRuleSucceeds() throws Exception {
    String nested = "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"nested\"";
    HttpResponse<String> failed =
        event(base, "events/test/nested_send", "application/json", nested + ",\"fail\":\"yes\"}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"nested_send\",\"fired\":[\"OutboundRules.nestedSend\"],"
            + "\"failed\":[\"OutboundRules.nestedSend\"],\"directives\":[]}",
        failed.body());

    HttpResponse<String> sent =
        event(base, "events/test/nested_send", "application/json", nested + "}");
    String id = onlyEntry(sent);
    assertTrue(outcome(id).startsWith("sms_sent " + sid(0) + " queued"));
    assertEquals(1, TWILIO.posts().size(), "only the message of the rule that succeeded");
    assertEquals(List.of("nested"), TWILIO.posts().get(0).form().get("Body"));
  }

  @Test
  void mediaMessagingServiceAndStatusCallback() {
    String id =
        onlyEntry(
            send(
                "{\"to\":\"+18015552311\",\"service\":\"MG00000000000000000000000000000009\",\"message\":\"look\","
                    + "\"media\":[\"https://example.com/a.png\",\"https://example.com/b.png?x=1&y=2\"],"
                    + "\"callback\":\"delivery?step=2\"}"));
    outcome(id);
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("To", List.of("+18015552311"));
    form.put("MessagingServiceSid", List.of("MG00000000000000000000000000000009"));
    form.put("Body", List.of("look"));
    form.put("MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png?x=1&y=2"));
    form.put("StatusCallback", List.of(origin() + "/twilio/delivery?outbox=" + id + "&step=2"));
    assertMessageRequest(TWILIO.posts().get(0), SID, TOKEN, form);
  }

  @Test
  void aNamedAccountUsesItsOwnCredentials() {
    String id =
        onlyEntry(
            send(
                "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"alert\",\"account\":\"alerts\"}"));
    assertTrue(outcome(id).endsWith("account=alerts"), outcome(id));
    assertMessageRequest(
        TWILIO.posts().get(0), ALERTS_SID, ALERTS_TOKEN, messageForm("+18015552311", "alert", id));
  }

  @Test
  void tooManyRequestsIsRetried() {
    TWILIO.nextPost(
        FakeTwilio.Scripted.answer(
                429,
                "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}")
            .withHeader("Retry-After", "0"));
    String id =
        onlyEntry(
            send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"again\"}"));
    assertTrue(outcome(id).startsWith("sms_sent SM"), outcome(id));
    assertEquals(2, TWILIO.posts().size());
    assertEquals(TWILIO.posts().get(0).body(), TWILIO.posts().get(1).body());
  }

  /**
   * A storm of 429s: the first 15 POSTs of ten messages are refused with Too Many Requests. Each
   * message is retried and sent exactly once; nothing is lost, nothing doubled.
   */
  @Test
  void aStormOfTooManyRequestsSendsEveryMessageOnce() {
    for (int i = 0; i < 15; i++) {
      TWILIO.nextPost(
          FakeTwilio.Scripted.answer(
                  429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")
              .withHeader("Retry-After", "0"));
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(queued("storm " + i));
    }
    for (String id : ids) {
      assertTrue(outcome(id).startsWith("sms_sent SM"), outcome(id));
    }
    assertEquals(25, TWILIO.posts().size(), "15 refused, 10 accepted");
    assertEquals(
        IntStream.range(0, 10).mapToObj(i -> "storm " + i).sorted().toList(),
        TWILIO.texts().stream().map(SentText::body).sorted().toList(),
        "each message at Twilio once");
  }

  @Test
  void aTooManyRequestsPausesItsAccountWhileAnotherAccountSends() throws Exception {
    // Retry-After 1 s, honoured up to twilio.retry.max-delay-ms: a pause of 400 ms here
    TWILIO.nextPost(
        FakeTwilio.Scripted.answer(
                429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")
            .withHeader("Retry-After", "1"));
    // when each POST reached the fake, polled every 2 ms: at most that late
    List<Long> arrived = new CopyOnWriteArrayList<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    CompletableFuture<Void> watcher =
        CompletableFuture.runAsync(
            () -> {
              while (watching.get()) {
                int seen = TWILIO.posts().size();
                long now = System.nanoTime();
                while (arrived.size() < seen) {
                  arrived.add(now);
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    String refused;
    List<String> later = new ArrayList<>();
    try {
      refused = queued("paced 0");
      // the 429 has been answered and the entry put back: the account is paused from now on
      eventually(
          20,
          "the refused entry back to pending",
          () ->
              Optional.of(logEntry("messages", refused))
                  .filter(entry -> entry.getString("state").equals("pending")));
      later.add(
          onlyEntry(
              send(
                  "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"alert\","
                      + "\"account\":\"alerts\"}")));
      for (int i = 1; i <= 2; i++) {
        later.add(queued("paced " + i));
      }
      for (String id : later) {
        assertTrue(outcome(id).startsWith("sms_sent SM"), outcome(id));
      }
      assertTrue(outcome(refused).startsWith("sms_sent SM"), outcome(refused));
    } finally {
      watching.set(false);
      watcher.get(5, TimeUnit.SECONDS);
    }
    List<FakeTwilio.Request> posts = TWILIO.posts();
    assertEquals(5, posts.size(), "one refused, four accepted");
    List<String> bodies = posts.stream().map(post -> post.form().get("Body").get(0)).toList();
    assertEquals(
        List.of("paced 0", "alert"),
        bodies.subList(0, 2),
        "the other account's message right after the 429: " + bodies);
    assertEquals(
        List.of("paced 0", "paced 1", "paced 2"),
        bodies.subList(2, 5).stream().sorted().toList(),
        "the paused account's messages after the pause, each once: " + bodies);
    assertTrue(posts.get(1).path().contains(ALERTS_SID), posts.get(1).path());
    long refusedAt = arrived.get(0);
    for (int i = 2; i < 5; i++) {
      long after = Duration.ofNanos(arrived.get(i) - refusedAt).toMillis();
      assertTrue(
          after >= 390,
          "POST " + i + " of the paused account came " + after + " ms after the 429, not 400");
    }
    assertEquals(2, logEntry("messages", refused).getInt("attempts"));
    for (String id : later) {
      assertEquals(1, logEntry("messages", id).getInt("attempts"), "no attempt spent on the pause");
    }
  }

  @Test
  void anInvalidNumberIsReportedOnceAsSmsFailed() {
    TWILIO.nextPost(
        400,
        "{\"code\":21211,\"message\":\"The 'To' number 123 is not a valid phone number.\","
            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
    String id = onlyEntry(send("{\"to\":\"123\",\"from\":\"+18005551212\",\"message\":\"hi\"}"));
    assertEquals(
        "sms_failed 21211 The 'To' number 123 is not a valid phone number. http=400 to=123",
        outcome(id));
    assertEquals(1, TWILIO.posts().size());
    JsonObject logged = logEntry("messages", id);
    assertEquals("failed", logged.getString("state"));
    assertEquals(21211, logged.getInt("error_code"));
    assertEquals(
        "The 'To' number 123 is not a valid phone number.", logged.getString("error_message"));
  }

  @Test
  void badCredentialsAreReportedOnceAsSmsFailed() {
    TWILIO.nextPost(
        401,
        "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
    String id =
        onlyEntry(send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"hi\"}"));
    assertEquals("sms_failed 20003 Authenticate http=401 to=+18015552311", outcome(id));
    assertEquals(1, TWILIO.posts().size());
  }

  @Test
  void aRefusedConnectionIsRetriedUntilTwilioIsBack() throws Exception {
    TWILIO.closePort();
    CompletableFuture<Void> back =
        CompletableFuture.runAsync(
            TWILIO::reopenPort, CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));
    String id =
        onlyEntry(
            send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"persist\"}"));
    back.get(5, TimeUnit.SECONDS);
    assertTrue(outcome(id).startsWith("sms_sent SM"), outcome(id));
    assertEquals(1, TWILIO.posts().size());
  }

  @Test
  void aServerErrorAfterTwilioAcceptedIsReconciledNotResent() {
    TWILIO.nextPost(
        FakeTwilio.Scripted.acceptedThen(
            500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
    String id =
        onlyEntry(send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"once\"}"));
    assertEquals(
        "sms_sent "
            + sid(0)
            + " queued segments=1 to=+18015552311 body=once"
            + " account=default reconciled",
        outcome(id));
    assertEquals(1, TWILIO.posts().size(), "no second POST");
    assertEquals("GET", TWILIO.requests().get(1).method());
    assertEquals(
        "sent", logEntry("messages", id).getString("state"), "the log has the found message");
  }

  /**
   * The same text to the same number twice, both answers lost (500), only one of them accepted:
   * Twilio's list shows one message that either could have made. The first entry reconciled is
   * reported unknown (a guess could take the other's message and send its own again); the second,
   * alone in doubt then, takes the one message. Two POSTs, nothing sent twice.
   */
  @Test
  void twoIdenticalTextsInDoubtWithOneAtTwilioAreNotGuessed() {
    TWILIO.nextPost(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
    TWILIO.nextPost(
        FakeTwilio.Scripted.acceptedThen(
            500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
    HttpResponse<String> answer =
        event(
            base,
            "events/test/send_twice",
            "application/json",
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"twin\"}");
    assertEquals(200, answer.statusCode(), answer.body());
    List<String> ids = outboxIds(answer.body());
    assertEquals(2, ids.size(), answer.body());
    String sid = sid(0);
    List<String> outcomes = ids.stream().map(this::outcome).sorted().toList();
    assertEquals(
        List.of(
            "sms_sent "
                + sid
                + " queued segments=1 to=+18015552311 body=twin account=default reconciled",
            "sms_unknown 2 identical messages were in doubt and Twilio has 1 of them ("
                + sid
                + "): which went out cannot be told to=+18015552311"),
        outcomes);
    assertEquals(2, TWILIO.posts().size(), "nothing sent again");
  }

  /**
   * Twilio's lists are eventually consistent: a message accepted behind a 500 shows in the list
   * only 200 ms later. The sender asks after {@code twilio.outbox.reconcile-delay-ms} (300 ms
   * here), finds it, and does not send it again. (A list that lags longer than the delay is the
   * window the API leaves: see docs/faults.md.)
   */
  @Test
  void aListThatLagsLessThanTheReconcileDelayStillFindsTheMessage() {
    TWILIO.listLag(Duration.ofMillis(200));
    TWILIO.nextPost(
        FakeTwilio.Scripted.acceptedThen(
            500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
    String id =
        onlyEntry(send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"lag\"}"));
    assertEquals(
        "sms_sent "
            + sid(0)
            + " queued segments=1 to=+18015552311 body=lag account=default reconciled",
        outcome(id));
    assertEquals(1, TWILIO.posts().size(), "no second POST");
  }

  @Test
  void aServerErrorTwilioHasNoTraceOfIsSentOnceMore() {
    TWILIO.nextPost(503, "{\"code\":20500,\"message\":\"Service Unavailable\",\"status\":503}");
    String id =
        onlyEntry(
            send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"twice?\"}"));
    assertTrue(outcome(id).startsWith("sms_sent SM"), outcome(id));
    assertFalse(outcome(id).endsWith("reconciled"), outcome(id));
    List<FakeTwilio.Request> posts = TWILIO.posts();
    assertEquals(2, posts.size(), "one resend");
    assertEquals(posts.get(0).body(), posts.get(1).body());
  }

  /**
   * A Twilio that answers 500 and keeps nothing, every time: the sender lists after each answer
   * (nothing there), sends again up to {@code twilio.retry.max-attempts} (5 here) and then reports
   * the message failed; it does not send forever.
   */
  @Test
  void serverErrorsTwilioKeepsNoTraceOfEndInFailureAfterTheAttempts() {
    for (int i = 0; i < 6; i++) {
      TWILIO.nextPost(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
    }
    String id =
        onlyEntry(
            send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"never\"}"));
    assertEquals(
        "sms_failed null Twilio does not have it after 5 attempts whose answers were lost or"
            + " errors (HTTP 500 from Twilio) http=null to=+18015552311",
        outcome(id));
    assertEquals(
        List.of("POST", "GET", "POST", "GET", "POST", "GET", "POST", "GET", "POST", "GET"),
        TWILIO.requests().stream().map(FakeTwilio.Request::method).toList());
    JsonObject logged = logEntry("messages", id);
    assertEquals("failed", logged.getString("state"), logged.toString());
    assertEquals(5, logged.getInt("attempts"), logged.toString());
  }

  /**
   * Eight outcome rules that take their time (they wait for the test) hold the eight outcome
   * threads, not the eight send slots ({@code twilio.outbox.concurrency}): the next message is sent
   * while they wait, and its outcome raised once they are done.
   */
  @Test
  void slowOutcomeRulesDoNotHoldUpSending() {
    long logStart = ServerLog.length();
    try {
      for (int i = 0; i < 8; i++) {
        onlyEntry(
            send(
                "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"hold "
                    + i
                    + "\"}"));
      }
      eventually(
          20,
          "eight outcome rules holding",
          () ->
              ServerLog.since(logStart).split("OutboundRules: holding the outcome of", -1).length
                      == 9
                  ? Optional.of(true)
                  : Optional.empty());
      String id =
          onlyEntry(
              send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"next\"}"));
      eventually(
          20,
          "the next message sent while the outcome rules hold",
          () -> TWILIO.posts().size() == 9 ? Optional.of(true) : Optional.empty());
      assertEquals(
          "next", TWILIO.posts().get(8).form().get("Body").get(0), TWILIO.posts().toString());
      release();
      assertEquals(
          "sms_sent " + sid(8) + " queued segments=1 to=+18015552311 body=next account=default",
          outcome(id));
    } finally {
      release();
    }
  }

  private void release() {
    HttpResponse<String> released = event(base, "events/test/release", "application/json", "{}");
    assertEquals(200, released.statusCode(), released.body());
  }

  @Test
  void aReadTimeoutIsReconciled() {
    TWILIO.slowDown(
        Duration.ofMillis(7000)); // accepted at arrival, answered after the client's 6 s
    String id =
        onlyEntry(send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"slow\"}"));
    assertTrue(outcome(id).endsWith("reconciled"), outcome(id));
    assertEquals(1, TWILIO.posts().size());
  }

  /**
   * An answer that trickles in a byte every 15 ms never lets the client's 6 s read timeout run out;
   * the request's total deadline (1 s connect + 6 s read) does: the entry is reconciled, not left
   * waiting, and not claimed again while the request still runs; once it ended, the list finds the
   * message, sent once.
   */
  @Test
  void anAnswerThatTricklesPastTheDeadlineIsReconciledNotResent() {
    TWILIO.trickle(Duration.ofMillis(15));
    String id =
        onlyEntry(send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"drip\"}"));
    JsonObject waiting =
        eventually(
            20,
            "the entry given up at the request's deadline",
            () -> {
              JsonObject entry = logEntry("messages", id);
              return entry.getString("state").equals("reconcile")
                  ? Optional.of(entry)
                  : Optional.empty();
            });
    assertEquals(
        "no answer within the request's deadline (7000 ms)",
        waiting.getString("reason"),
        waiting.toString());
    assertEquals(1, TWILIO.posts().size(), "still trickling: nothing sent again");

    assertEquals(
        "sms_sent "
            + sid(0)
            + " queued segments=1 to=+18015552311 body=drip account=default"
            + " reconciled",
        outcome(id));
    List<FakeTwilio.Request> requests = TWILIO.requests();
    assertEquals(
        List.of("POST", "GET"),
        requests.stream().map(FakeTwilio.Request::method).toList(),
        requests.toString());
  }

  @Test
  void anAccountWithoutTokenFailsTheRuleNamingTheKey() {
    long logStart = ServerLog.length();
    HttpResponse<String> response =
        send(
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"x\",\"account\":\"ghost\"}");
    assertEquals(
        "{\"domain\":\"test\",\"type\":\"send\",\"fired\":[\"OutboundRules.send\"],"
            + "\"failed\":[\"OutboundRules.send\"],\"directives\":[]}",
        response.body());
    assertEquals(0, TWILIO.requests().size());
    String log = ServerLog.since(logStart);
    assertTrue(
        log.contains(
            "Twilio credentials missing: set twilio.accounts.ghost.auth-token"
                + " (environment variable TWILIO_ACCOUNTS_GHOST_AUTH_TOKEN)"),
        log);
    assertFalse(log.contains(TOKEN) || log.contains(ALERTS_TOKEN), "a secret reached the log");
  }

  @Test
  void placeCallToAnEventTypeOfThisServer() {
    String id =
        onlyEntry(
            event(
                base,
                "events/test/call",
                "application/json",
                "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"target\":\"inbound_call\"}"));
    assertEquals(
        "call_placed " + callSid(0) + " queued url=" + origin() + "/twilio/inbound_call",
        outcome(id));
    FakeTwilio.Request request = TWILIO.posts().get(0);
    assertEquals("/2010-04-01/Accounts/" + SID + "/Calls.json", request.path());
    assertEquals(basic(SID, TOKEN), request.header("Authorization"));
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("To", List.of("+18015552311"));
    form.put("From", List.of("+18005551212"));
    form.put("Url", List.of(origin() + "/twilio/inbound_call"));
    form.put("StatusCallback", List.of(origin() + "/twilio/call_status?outbox=" + id));
    form.put("StatusCallbackEvent", List.of("initiated", "completed"));
    form.put("Timeout", List.of("20"));
    assertEquals(form, request.form());
    JsonObject logged = logEntry("calls", id);
    assertEquals(callSid(0), logged.getString("sid"));
    assertEquals("queued", logged.getString("status"));
  }

  private Map<String, String> statusCallback(String sid, String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", SID);
    params.put("ApiVersion", "2010-04-01");
    params.put("From", "+18005551212");
    params.put("MessageSid", sid);
    params.put("MessageStatus", status);
    params.put("SmsSid", sid);
    params.put("SmsStatus", status);
    params.put("To", "+18015552311");
    return params;
  }

  @Test
  void statusCallbacksMoveTheLogForwardOnceEach() {
    String id =
        onlyEntry(
            send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"track\"}"));
    String sid = outcome(id).split(" ")[1];
    String callback = "twilio/sms_status?outbox=" + id;
    String empty = XML + "<Response/>";
    // "delivered" as Twilio sends it, with a token, then Twilio's retry of that delivery (the same
    // token), then "delivered" once more as a delivery of its own: no replay row is kept for a
    // status callback of ours; the outbox's history keeps the status once and the rules see it once
    String token = "idem-" + System.nanoTime();
    List<String> tokens = Arrays.asList(null, token, token, null, null);
    List<String> statuses = List.of("queued", "delivered", "delivered", "sent", "delivered");
    for (int i = 0; i < statuses.size(); i++) {
      HttpResponse<String> answer =
          postForm(base, callback, statusCallback(sid, statuses.get(i)), tokens.get(i));
      assertEquals("200 " + empty, answer.statusCode() + " " + answer.body());
    }
    // a callback that lost its entry id is matched by its SID
    assertEquals(
        200, postForm(base, "twilio/sms_status", statusCallback(sid, "read")).statusCode());
    // an unsigned one never gets in
    HttpResponse<String> unsigned =
        TwilioRequests.post(
            base,
            callback,
            "application/x-www-form-urlencoded",
            TwilioRequests.form(statusCallback(sid, "undelivered")));
    assertEquals(403, unsigned.statusCode());

    assertEquals(
        "queued delivered read", appVar("statuses-" + id), "only forward moves reach rules");
    JsonObject logged = logEntry("messages", id);
    assertEquals("sent", logged.getString("state"));
    assertEquals(sid, logged.getString("sid"));
    assertEquals("read", logged.getString("status"));
    List<String> history =
        logged.getJsonArray("history").getValuesAs(JsonObject.class).stream()
            .map(s -> s.getString("status") + (s.getBoolean("forward") ? "" : " (late)"))
            .toList();
    assertEquals(List.of("queued", "delivered", "sent (late)", "read"), history);
  }

  /**
   * A storm of callbacks for one message, every status five times, all at once: their records share
   * commits (StatusRecords), and a duplicate in a batch undoes only itself. Each status is in the
   * history once, and each that moved the entry forward reached the rules once.
   */
  @Test
  void concurrentRepeatedStatusCallbacksAreRecordedOnceEach() {
    String id =
        onlyEntry(
            send("{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"storm\"}"));
    String sid = outcome(id).split(" ")[1];
    List<String> statuses = new ArrayList<>();
    for (int copy = 0; copy < 5; copy++) {
      statuses.addAll(List.of("queued", "sent", "delivered", "read"));
    }
    ExecutorService callers = Executors.newFixedThreadPool(statuses.size());
    List<CompletableFuture<Integer>> answers;
    try {
      answers =
          statuses.stream()
              .map(
                  status ->
                      CompletableFuture.supplyAsync(
                          () ->
                              postForm(
                                      base,
                                      "twilio/sms_status?outbox=" + id,
                                      statusCallback(sid, status),
                                      "idem-" + System.nanoTime() + "-" + status)
                                  .statusCode(),
                          callers))
              .toList();
      assertEquals(
          statuses.stream().map(status -> 200).toList(),
          answers.stream().map(CompletableFuture::join).toList());
    } finally {
      callers.shutdown();
    }

    JsonObject logged = logEntry("messages", id);
    assertEquals("read", logged.getString("status"), "read ranks last");
    List<JsonObject> history = logged.getJsonArray("history").getValuesAs(JsonObject.class);
    assertEquals(
        List.of("delivered", "queued", "read", "sent"),
        history.stream().map(s -> s.getString("status")).sorted().toList(),
        "each status once");
    List<String> forward =
        history.stream()
            .filter(s -> s.getBoolean("forward"))
            .map(s -> s.getString("status"))
            .sorted()
            .toList();
    assertTrue(forward.contains("read"), forward.toString());
    assertEquals(
        forward,
        Arrays.stream(appVar("statuses-" + id).split(" ")).sorted().toList(),
        "each forward move reached the rules once, and nothing else did");
  }

  /** A callback naming an entry this server does not have is the rules' to handle. */
  @Test
  void aCallbackForAnotherServersEntryReachesTheRules() {
    String id =
        "00000000-0000-4000-8000-" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
    assertEquals(
        200,
        postForm(base, "twilio/sms_status?outbox=" + id, statusCallback("SM" + id, "delivered"))
            .statusCode());
    assertEquals("delivered", appVar("statuses-" + id));
  }

  @Test
  void aRuleReactingToAnOutcomeSendsInTurn() {
    TWILIO.nextPost(
        400,
        "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\","
            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
    String id =
        onlyEntry(
            send(
                "{\"to\":\""
                    + OutboundRules.REFUSED
                    + "\",\"from\":\"+18005551212\",\"message\":\"first\"}"));
    String fallback =
        eventually(
                20,
                "the fallback message",
                () ->
                    Optional.ofNullable(TWILIO.posts().size() == 2 ? TWILIO.posts().get(1) : null))
            .form()
            .get("Body")
            .get(0);
    assertEquals("fallback for " + id, fallback);
    assertEquals(List.of("+18015559999"), TWILIO.posts().get(1).form().get("To"));
    assertEquals(
        List.of("+18015559999", OutboundRules.REFUSED),
        json(withToken(base, "messages?size=2").body())
            .getJsonArray("messages")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(m -> m.getString("to"))
            .toList(),
        "the outcome's rule wrote its send to the outbox, newest first");
  }

  @Test
  void callStatusCallbacksMoveTheCallLogForward() {
    String id =
        onlyEntry(
            event(
                base,
                "events/test/call",
                "application/json",
                "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"target\":\"inbound_call\"}"));
    String sid = callSid(0);
    outcome(id);
    for (String status : List.of("initiated", "ringing", "initiated", "completed", "ringing")) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("AccountSid", SID);
      params.put("CallSid", sid);
      params.put("CallStatus", status);
      params.put("Direction", "outbound-api");
      params.put("From", "+18005551212");
      params.put("To", "+18015552311");
      assertEquals(200, postForm(base, "twilio/call_status?outbox=" + id, params).statusCode());
    }
    assertEquals("initiated ringing completed", appVar("statuses-" + id));
    JsonObject logged = logEntry("calls", id);
    assertEquals("completed", logged.getString("status"));
    assertEquals(
        List.of("initiated", "ringing", "completed"),
        logged.getJsonArray("history").getValuesAs(JsonObject.class).stream()
            .map(s -> s.getString("status"))
            .toList(),
        "a repeated status is recorded once, and a late one after the end is a duplicate too");
  }

  @Test
  void theLogIsPagedNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          onlyEntry(
              send(
                  "{\"to\":\"+18015550"
                      + i
                      + "00\",\"from\":\"+18005551212\",\"message\":\"page "
                      + i
                      + "\"}")));
      outcome(ids.get(i));
    }
    JsonObject first = json(withToken(base, "messages?size=2").body());
    assertEquals(
        List.of(ids.get(2), ids.get(1)),
        first.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .map(m -> m.getString("id"))
            .toList());
    assertEquals("/messages?page=2&size=2", first.getString("next"));
    JsonObject second = json(withToken(base, "messages?page=2&size=2").body());
    assertEquals(ids.get(0), second.getJsonArray("messages").getJsonObject(0).getString("id"));
    assertEquals(400, withToken(base, "messages?size=0").statusCode());
    assertEquals(
        401,
        TwilioRequests.send(java.net.http.HttpRequest.newBuilder(uri(base, "messages")).GET())
            .statusCode());
  }

  /** Entry {@code id} as {@code GET /messages} or {@code /calls} shows it. */
  private JsonObject logEntry(String kind, String id) {
    HttpResponse<String> page = withToken(base, kind + "?size=500");
    assertEquals(200, page.statusCode(), page.body());
    return json(page.body()).getJsonArray(kind).getValuesAs(JsonObject.class).stream()
        .filter(entry -> entry.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + page.body()));
  }

  @Test
  void anInboundSmsIsAnsweredWithMessage() {
    Map<String, String> sms = new LinkedHashMap<>();
    sms.put("MessageSid", "SM11111111111111111111111111111111");
    sms.put("AccountSid", SID);
    sms.put("From", "+8015552311");
    sms.put("To", "+18019917544");
    sms.put("Body", "Where are you? <here> & there");
    sms.put("NumMedia", "1");
    sms.put("MediaUrl0", "https://api.twilio.com/media/1");
    sms.put("MediaContentType0", "image/jpeg");
    HttpResponse<String> response = postForm(base, "twilio/inbound_sms", sms);
    assertEquals(200, response.statusCode());
    assertEquals(
        XML
            + "<Response><Message>Hello Big Bird, you said: Where are you? &lt;here&gt; &amp; there"
            + " (and sent 1 media)</Message></Response>",
        response.body());
  }
}
