package io.picolabs.twilio.outbound;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.appVars;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.get;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.notification;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.signature;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.Postgres;
import io.picolabs.twilio.testing.PostgresInstances;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.SentText;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Two instances behind one (imagined) load balancer: two Liberty servers running the WAR on one
 * throwaway PostgreSQL ({@link PostgresInstances}), sending to one fake Twilio, both configured
 * with the same public URL, B's clock a minute ahead of A's. Their senders share the outbox without
 * sending a message twice or losing one, nor taking over each other's claims (nothing is
 * reconciled), and a webhook that Twilio retries on the other instance is answered once. Skipped,
 * loudly, where PostgreSQL is not installed.
 */
class PostgresOutboxIT {
  private static final String ACCOUNT_SID = PostgresInstances.ACCOUNT_SID;
  private static final String PUBLIC_URL = PostgresInstances.PUBLIC_URL;
  private static final String TO = "+18015550123";
  private static final String FROM = "+18005550111";
  private static final int NOTIFICATIONS = 500;

  private static FakeTwilio twilio;
  private static Postgres postgres;
  private static LibertyServer a;
  private static LibertyServer b;

  /** Why the tests are skipped (no PostgreSQL here), else null. */
  private static String skipped;

  @BeforeAll
  static void instances() {
    PostgresInstances instances;
    try {
      instances = PostgresInstances.get();
    } catch (TestAbortedException e) {
      skipped = e.getMessage(); // each test is skipped (below), so the report counts them
      return;
    }
    twilio = instances.twilio();
    twilio.reset();
    postgres = instances.postgres();
    a = instances.a();
    b = instances.b();
  }

  @BeforeEach
  void needsPostgres() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  /** 500 notifications, raised alternately on A and B: each message sent once, none lost. */
  @Test
  void twoInstancesSendEveryMessageOfTheSharedOutboxExactlyOnce() throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Map<String, String> bodyOf = new TreeMap<>(); // outbox id -> message
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long started = System.nanoTime();
    try {
      List<Future<Map.Entry<String, String>>> raised = new ArrayList<>();
      for (int i = 0; i < NOTIFICATIONS; i++) {
        LibertyServer at = i % 2 == 0 ? a : b;
        String message = "load " + run + " message " + i;
        raised.add(pool.submit(() -> Map.entry(notify(at, message), message)));
      }
      for (Future<Map.Entry<String, String>> answer : raised) {
        Map.Entry<String, String> written = answer.get(60, TimeUnit.SECONDS);
        assertEquals(null, bodyOf.put(written.getKey(), written.getValue()), "one id twice");
      }
    } finally {
      pool.shutdownNow();
    }
    long raisedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(NOTIFICATIONS, bodyOf.size());

    JsonObject log = awaitDrained(a, 90);
    long drainedMillis = (System.nanoTime() - started) / 1_000_000;
    String story =
        "\n"
            + NOTIFICATIONS
            + " raised in "
            + raisedMillis
            + " ms, drained after "
            + drainedMillis
            + " ms"
            + logs();

    System.out.println(
        "PostgresOutboxIT: "
            + NOTIFICATIONS
            + " notifications raised in "
            + raisedMillis
            + " ms, all sent after "
            + drainedMillis
            + " ms");

    List<FakeTwilio.Request> posts = twilio.posts();
    List<String> bodies = posts.stream().map(post -> post.form().get("Body").get(0)).toList();
    assertEquals(NOTIFICATIONS, posts.size(), "POSTs at the fake" + story);
    assertEquals(
        bodyOf.values().stream().sorted().toList(),
        bodies.stream().sorted().toList(),
        "one POST per message" + story);
    assertEquals(
        0,
        twilio.requests().stream().filter(r -> r.method().equals("GET")).count(),
        "nothing needed reconciling" + story);

    // every entry is sent with the SID the fake gave its message, and both instances see it so
    Map<String, String> sidOfBody =
        twilio.texts().stream().collect(Collectors.toMap(SentText::body, SentText::sid));
    Map<String, String> expected = new TreeMap<>();
    bodyOf.forEach((id, message) -> expected.put(id, "sent " + sidOfBody.get(message) + " 1"));
    assertEquals(expected, states(log), "the log on A" + story);
    assertEquals(expected, states(page(b)), "the log on B" + story);

    // Twilio's status callbacks of one message reach either instance: each status is recorded
    // once, and the message's status only moves forward
    String id = bodyOf.keySet().iterator().next();
    String sid = sidOfBody.get(bodyOf.get(id));
    String callback = "twilio/sms_status?outbox=" + id;
    FakeTwilio.Request post =
        posts.stream()
            .filter(p -> p.form().get("Body").equals(List.of(bodyOf.get(id))))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(PUBLIC_URL + "/" + callback), post.form().get("StatusCallback"));
    String empty = "200 " + XML + "<Response/>";
    assertEquals(empty, answer(signedPost(b, callback, status(sid, "delivered"), newToken())));
    assertEquals(empty, answer(signedPost(a, callback, status(sid, "delivered"), newToken())));
    assertEquals(empty, answer(signedPost(a, callback, status(sid, "sent"), newToken())));
    JsonObject entry =
        page(b).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("id").equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "sent " + sid + " delivered [delivered forward true, sent forward false]",
        entry.getString("state")
            + " "
            + entry.getString("sid")
            + " "
            + entry.getString("status")
            + " "
            + entry.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getString("status") + " forward " + h.getBoolean("forward"))
                .toList(),
        entry + logs());

    // a storm: the callbacks of ten other messages, each status three times, all at once, on
    // both instances: batched records (one commit for many) where a duplicate undoes only itself
    List<String> stormed =
        bodyOf.keySet().stream().filter(other -> !other.equals(id)).limit(10).toList();
    List<String> statuses = List.of("queued", "sent", "delivered", "read");
    ExecutorService callers = Executors.newFixedThreadPool(24);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int copy = 0; copy < 3; copy++) {
        for (String other : stormed) {
          for (String status : statuses) {
            LibertyServer at = (copy + status.length()) % 2 == 0 ? a : b;
            String otherSid = sidOfBody.get(bodyOf.get(other));
            answers.add(
                callers.submit(
                    () ->
                        answer(
                            signedPost(
                                at,
                                "twilio/sms_status?outbox=" + other,
                                status(otherSid, status),
                                newToken()))));
          }
        }
      }
      for (Future<String> stormAnswer : answers) {
        assertEquals(empty, stormAnswer.get(60, TimeUnit.SECONDS), logs());
      }
    } finally {
      callers.shutdownNow();
    }
    Map<String, String> stormedExpected = new TreeMap<>();
    Map<String, String> stormedSeen = new TreeMap<>();
    for (JsonObject other : page(a).getJsonArray("messages").getValuesAs(JsonObject.class)) {
      if (stormed.contains(other.getString("id"))) {
        stormedExpected.put(other.getString("id"), "read [delivered, queued, read, sent]");
        stormedSeen.put(
            other.getString("id"),
            other.getString("status")
                + " "
                + other.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                    .map(h -> h.getString("status"))
                    .sorted()
                    .toList());
      }
    }
    assertEquals(10, stormedExpected.size());
    assertEquals(stormedExpected, stormedSeen, "each status once, the last one current" + logs());
  }

  /** What Twilio posts to a message's status callback. */
  private static Map<String, String> status(String sid, String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", ACCOUNT_SID);
    params.put("ApiVersion", "2010-04-01");
    params.put("From", FROM);
    params.put("MessageSid", sid);
    params.put("MessageStatus", status);
    params.put("SmsSid", sid);
    params.put("SmsStatus", status);
    params.put("To", TO);
    return params;
  }

  private static String newToken() {
    return UUID.randomUUID().toString();
  }

  private static String answer(HttpResponse<String> response) {
    return response.statusCode() + " " + response.body();
  }

  /** A retried webhook that reaches the other instance gets the first answer; the rule ran once. */
  @Test
  void aWebhookRetriedOnTheOtherInstanceIsAnsweredOnce() {
    Map<String, String> params = inboundCall("+18015550142");
    params.put("counter", "retried");
    String token = UUID.randomUUID().toString();

    HttpResponse<String> first = signedPost(a, params, token);
    HttpResponse<String> retry = signedPost(b, params, token);

    String answer = XML + "<Response><Say>retried 1 on A</Say></Response>";
    assertEquals("200 " + answer, first.statusCode() + " " + first.body(), logs());
    // One write for the delivery: its row, answer and all, written by the transaction of the
    // rule's effects (a row's xmin is the transaction that wrote it last) and not written again.
    List<Map<String, Object>> written =
        postgres.query(
            "SELECT r.xmin::text AS replay, v.xmin::text AS variable, r.answer, r.rules_committed"
                + " FROM twilio_replay r, twilio_variable v"
                + " WHERE r.delivery_key = ? AND v.var_name = 'retried'",
            PostgresInstances.deliveryKey("twilio/counted", token));
    assertEquals(1, written.size(), written.toString());
    assertEquals(answer, written.get(0).get("answer"));
    assertEquals(1, ((Number) written.get(0).get("rules_committed")).intValue());
    assertEquals(
        written.get(0).get("variable"),
        written.get(0).get("replay"),
        "the delivery's row and the rule's variable in one transaction");
    assertEquals("200 " + answer, retry.statusCode() + " " + retry.body(), logs());
    assertEquals(1, appVars(a.base()).getInt("retried"), appVars(a.base()).toString());
    assertEquals(1, appVars(b.base()).getInt("retried"), appVars(b.base()).toString());
    assertFalse(b.messages().contains("counted retried started on B"), logs());

    // a new delivery (another token) runs the rule again, wherever it lands
    HttpResponse<String> next = signedPost(b, params, UUID.randomUUID().toString());
    assertEquals(
        "200 " + XML + "<Response><Say>retried 2 on B</Say></Response>",
        next.statusCode() + " " + next.body(),
        logs());

    // the signature is checked against the public URL: one over the loopback URL is refused
    HttpResponse<String> loopback =
        send(
            HttpRequest.newBuilder(uri(b.base(), "twilio/counted"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(uri(b.base(), "twilio/counted"), params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8)));
    assertEquals(403, loopback.statusCode(), loopback.body());
  }

  /**
   * Deliveries whose rules write nothing are answered first; their answers are written after, many
   * in one commit, and a retry on the other instance gets each without running the rules.
   */
  @Test
  void answersOfDeliveriesWithoutEffectsAreKeptAfterAnsweringAndRetriesGetThem() throws Exception {
    Map<String, String> params = inboundCall("+18015550144");
    List<String> tokens =
        IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
    List<CompletableFuture<HttpResponse<String>>> firsts =
        tokens.stream()
            .map(
                token ->
                    CompletableFuture.supplyAsync(
                        () -> signedPost(a, "twilio/inbound_call", params, token)))
            .toList();
    Map<String, String> answers = new LinkedHashMap<>(); // delivery key to its first answer
    for (int i = 0; i < tokens.size(); i++) {
      HttpResponse<String> first = firsts.get(i).get(30, TimeUnit.SECONDS);
      assertEquals(200, first.statusCode(), first.body());
      answers.put(
          PostgresInstances.deliveryKey("twilio/inbound_call", tokens.get(i)), first.body());
    }
    Map<String, String> kept =
        eventually(
            10,
            "the 20 answers written",
            () -> {
              Map<String, String> rows = new TreeMap<>();
              for (Map<String, Object> row :
                  postgres.query(
                      "SELECT delivery_key, answer FROM twilio_replay WHERE rules_committed = 0"
                          + " AND delivery_key IN ("
                          + String.join(",", Collections.nCopies(answers.size(), "?"))
                          + ")",
                      answers.keySet().toArray())) {
                rows.put((String) row.get("delivery_key"), (String) row.get("answer"));
              }
              return rows.size() == answers.size() ? Optional.of(rows) : Optional.empty();
            });
    assertEquals(new TreeMap<>(answers), kept);

    double replayed = replayed(b);
    for (int i = 0; i < tokens.size(); i++) {
      HttpResponse<String> retry = signedPost(b, "twilio/inbound_call", params, tokens.get(i));
      assertEquals(
          "200 " + answers.get(PostgresInstances.deliveryKey("twilio/inbound_call", tokens.get(i))),
          retry.statusCode() + " " + retry.body());
    }
    assertEquals(replayed + tokens.size(), replayed(b), "every retry on B answered without rules");
  }

  /** The deliveries {@code server} answered without running the rules, from its /metrics. */
  private static double replayed(LibertyServer server) {
    String text = get(server.base(), "metrics?scope=application").body();
    return text.lines()
        .filter(line -> line.startsWith("twilio_webhooks_total{"))
        .filter(line -> line.contains("outcome=\"replayed\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * A retry that reaches B while A still runs the rule gets A's answer; B's run of the rule, whose
   * commit comes second, keeps nothing: the rule's effects happen once.
   */
  @Test
  void aRetryOnTheOtherInstanceWhileTheFirstIsAnsweredGetsTheFirstAnswer() throws Exception {
    Map<String, String> params = inboundCall("+18015550143");
    params.put("counter", "overlapping");
    params.put("sleep_ms", "3000");
    String token = UUID.randomUUID().toString();

    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(() -> signedPost(a, params, token));
    eventually(
        20,
        "the rule running on A" + logs(),
        () ->
            a.messages().contains("OutboxTestRules: counted overlapping started on A")
                ? Optional.of(true)
                : Optional.empty());
    long retried = System.nanoTime();
    HttpResponse<String> retry = signedPost(b, params, token);
    long waited = (System.nanoTime() - retried) / 1_000_000;
    HttpResponse<String> answered = first.get(30, TimeUnit.SECONDS);
    assertTrue(first.isDone());

    String answer = XML + "<Response><Say>overlapping 1 on A</Say></Response>";
    assertEquals("200 " + answer, answered.statusCode() + " " + answered.body(), logs());
    assertEquals(
        "200 " + answer,
        retry.statusCode() + " " + retry.body(),
        "the retry on B (answered after " + waited + " ms)" + logs());
    // B ran the rule too (nothing of the delivery was kept yet), but its commit, coming second,
    // failed on the delivery's row and was rolled back: the count is A's alone
    assertEquals(1, appVars(b.base()).getInt("overlapping"), appVars(b.base()).toString());
    assertTrue(
        b.messages().contains("another delivery of this event committed its rules first"), logs());
  }

  /** Raises {@code notification status} on {@code server}: the one outbox id of its answer. */
  private static String notify(LibertyServer server, String message) {
    HttpResponse<String> answer = notification(server.base(), TO, FROM, message);
    assertEquals(200, answer.statusCode(), answer.body());
    List<String> ids = outboxIds(answer.body());
    assertEquals(1, ids.size(), answer.body());
    return ids.get(0);
  }

  /** A form POST to {@code /twilio/counted}, signed as Twilio signs it: over the public URL. */
  private static HttpResponse<String> signedPost(
      LibertyServer server, Map<String, String> params, String idempotencyToken) {
    return signedPost(server, "twilio/counted", params, idempotencyToken);
  }

  private static HttpResponse<String> signedPost(
      LibertyServer server, String path, Map<String, String> params, String idempotencyToken) {
    return PostgresInstances.signedPost(server, path, params, idempotencyToken);
  }

  /** {@code GET /messages?size=500} on {@code server}. */
  private static JsonObject page(LibertyServer server) {
    HttpResponse<String> page = withToken(server.base(), "messages?size=500");
    assertEquals(200, page.statusCode(), page.body());
    return json(page.body());
  }

  /** Waits until the log shows {@value #NOTIFICATIONS} entries (no more), all sent. */
  private static JsonObject awaitDrained(LibertyServer server, int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    JsonObject last = null;
    while (System.nanoTime() - until < 0) {
      last = page(server);
      List<JsonObject> entries = last.getJsonArray("messages").getValuesAs(JsonObject.class);
      if (entries.size() == NOTIFICATIONS
          && !last.containsKey("next")
          && entries.stream().allMatch(e -> e.getString("state").equals("sent"))) {
        return last;
      }
      Thread.sleep(500);
    }
    Map<String, Long> byState =
        last == null
            ? Map.of()
            : last.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .collect(
                    Collectors.groupingBy(
                        e -> e.getString("state"), TreeMap::new, Collectors.counting()));
    throw new AssertionError(
        "the outbox not drained in "
            + seconds
            + " s: entries by state "
            + byState
            + ", POSTs at the fake "
            + twilio.posts().size()
            + logs());
  }

  /** Each entry of a log page as "state sid attempts", by id. */
  private static Map<String, String> states(JsonObject page) {
    Map<String, String> states = new TreeMap<>();
    Set<String> sids = new HashSet<>();
    for (JsonObject entry : page.getJsonArray("messages").getValuesAs(JsonObject.class)) {
      String sid = entry.getString("sid", null);
      assertTrue(sid == null || sids.add(sid), "SID " + sid + " of two entries");
      assertEquals(TO, entry.getString("to"));
      assertEquals(FROM, entry.getString("from"));
      states.put(
          entry.getString("id"),
          entry.getString("state") + " " + sid + " " + entry.getInt("attempts"));
    }
    return states;
  }

  private static String logs() {
    return "\n--- messages.log of A (tail) ---\n"
        + a.messagesTail(30)
        + "\n--- messages.log of B (tail) ---\n"
        + b.messagesTail(30);
  }
}
