package io.picolabs.twilio.outbound;

import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.notification;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.ProjectServer;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.SentText;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives a crash of its server: the WAR as built, on embedded Derby in a directory of
 * its own (the shared {@link ProjectServer}, one sender, a 5 s lease), sends the seed's {@code
 * notification status} SMS to a slow fake Twilio one at a time; its JVM is killed (SIGKILL) while
 * the first request is in flight and four more wait in the outbox. After a restart every message is
 * sent exactly once: the four that waited are sent, and the one in flight, which Twilio accepted
 * before the crash, is found by listing Twilio's messages (reconciled), not sent again.
 */
class OutboxCrashIT {
  private static final String ACCOUNT_SID = ProjectServer.ACCOUNT_SID;
  private static final String TO = "+18015550100";
  private static final String FROM = "+18005550199";
  private static final int MESSAGES = 5;
  private static final long SLOW_MILLIS = 3000;

  private static FakeTwilio twilio;
  private static LibertyServer server;

  /** The outbox entries earlier tests on the shared server left: not this test's. */
  private static Set<String> earlier;

  @BeforeAll
  static void quietServer() {
    ProjectServer shared = ProjectServer.get();
    shared.quiet();
    twilio = shared.twilio();
    server = shared.server();
    earlier = new HashSet<>();
    entries(Set.of())
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .forEach(entry -> earlier.add(entry.getString("id")));
  }

  @Test
  void theSendInFlightAtACrashIsReconciledAndTheWaitingOnesAreSentOnce() {
    twilio.slowDown(Duration.ofMillis(SLOW_MILLIS));
    String run = Long.toString(System.currentTimeMillis(), 36);
    Map<String, String> bodyOf = new LinkedHashMap<>(); // outbox id -> message, in raising order
    List<String> timings = new ArrayList<>();
    // the first message's request cannot reach the fake before its notification is raised
    long firstRaised = System.nanoTime();
    for (int i = 1; i <= MESSAGES; i++) {
      String message = "crash test " + run + " message " + i;
      long started = System.nanoTime();
      HttpResponse<String> answer = notification(server.base(), TO, FROM, message);
      long millis = (System.nanoTime() - started) / 1_000_000;
      timings.add(millis + " ms");
      assertEquals(200, answer.statusCode(), answer.body() + log());
      assertTrue(
          millis < 1000,
          "notification " + i + " was answered in " + millis + " ms, not at once: " + timings);
      List<String> ids = outboxIds(answer.body());
      assertEquals(1, ids.size(), "notification " + i + " answered " + answer.body());
      bodyOf.put(ids.get(0), message);
    }
    List<String> ids = List.copyOf(bodyOf.keySet());
    List<String> messages = List.copyOf(bodyOf.values());

    // one request in flight (the fake answers it in 3 s), four entries waiting for the one sender
    eventually(
        10,
        "the fake receiving the first POST" + log(),
        () -> twilio.posts().isEmpty() ? Optional.empty() : Optional.of(true));
    JsonObject atCrash = entries();
    long killing = System.nanoTime(); // SIGKILL follows within milliseconds
    server.kill();
    long killMillis = (System.nanoTime() - killing) / 1_000_000;
    long killedAfter = (killing - firstRaised) / 1_000_000;
    List<FakeTwilio.Request> beforeCrash = twilio.posts();
    String firstRun = log();
    assertTrue(
        killedAfter < SLOW_MILLIS - 500,
        "killed "
            + killedAfter
            + " ms after the first notification was raised: the fake may have answered its"
            + " request before the crash");
    assertEquals(
        List.of(messages.get(0)),
        bodies(beforeCrash),
        "before the crash, only the first message must have been sent (one sender)" + firstRun);
    // the fake accepted it when it arrived, as Twilio would: this is its SID
    String inFlightSid = twilio.texts().get(0).sid();
    Map<String, String> expectedAtCrash = new TreeMap<>();
    ids.forEach(id -> expectedAtCrash.put(id, id.equals(ids.get(0)) ? "sending" : "pending"));
    Map<String, String> stateAtCrash = new TreeMap<>();
    atCrash
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .forEach(entry -> stateAtCrash.put(entry.getString("id"), entry.getString("state")));
    assertEquals(expectedAtCrash, stateAtCrash, "the outbox at the crash: " + atCrash + firstRun);

    twilio.slowDown(Duration.ZERO);
    server.start();

    JsonObject log;
    try {
      log =
          eventually(
              60,
              "all " + MESSAGES + " messages sent after the restart",
              () -> {
                JsonObject page = entries();
                List<JsonObject> entries =
                    page.getJsonArray("messages").getValuesAs(JsonObject.class);
                return entries.size() == MESSAGES
                        && entries.stream().allMatch(e -> e.getString("state").equals("sent"))
                    ? Optional.of(page)
                    : Optional.empty();
              });
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nthe log now: "
              + entries()
              + "\nrequests at the fake: "
              + describe(twilio.requests())
              + firstRun
              + log(),
          e);
    }
    String story =
        "\nat the crash: "
            + atCrash
            + "\nafter the restart: "
            + log
            + "\nrequests at the fake: "
            + describe(twilio.requests())
            + firstRun
            + log();

    System.out.println(
        "OutboxCrashIT: notifications answered in "
            + timings
            + ", killed "
            + killedAfter
            + " ms after the first notification was raised (the JVM was gone "
            + killMillis
            + " ms later); requests at the fake: "
            + describe(twilio.requests()));

    List<FakeTwilio.Request> posts = twilio.posts();
    assertEquals(MESSAGES, posts.size(), "POSTs at the fake" + story);
    assertEquals(
        messages.stream().sorted().toList(),
        bodies(posts).stream().sorted().toList(),
        "one POST per message" + story);
    for (FakeTwilio.Request post : posts) {
      assertEquals(
          "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", post.path(), "path" + story);
      assertEquals(List.of(TO), post.form().get("To"), story);
      assertEquals(List.of(FROM), post.form().get("From"), story);
    }
    // after the restart: exactly one list (the reconciliation of the entry in flight), no resend
    List<FakeTwilio.Request> gets =
        twilio.requests().stream().filter(r -> r.method().equals("GET")).toList();
    assertEquals(1, gets.size(), "lists at the fake" + story);
    assertEquals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", gets.get(0).path());
    assertEquals(
        Map.of("To", List.of(TO), "From", List.of(FROM), "PageSize", List.of("1000")),
        gets.get(0).queryParams(),
        story);

    // each entry has the SID the fake gave its message; the one in flight the first POST's
    Map<String, String> sidOfBody =
        twilio.texts().stream().collect(Collectors.toMap(SentText::body, SentText::sid));
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (JsonObject entry : log.getJsonArray("messages").getValuesAs(JsonObject.class)) {
      String id = entry.getString("id");
      assertTrue(bodyOf.containsKey(id), "an entry no notification wrote: " + entry + story);
      expected.put(
          id,
          "sent "
              + sidOfBody.get(bodyOf.get(id))
              + " queued"
              + " attempts 1" // the one in flight too: its claim counted it
              + " "
              + TO
              + " "
              + FROM);
      actual.put(
          id,
          entry.getString("state")
              + " "
              + entry.getString("sid", null)
              + " "
              + entry.getString("status", null)
              + " attempts "
              + entry.getInt("attempts")
              + " "
              + entry.getString("to")
              + " "
              + entry.getString("from", null));
    }
    assertEquals(expected, actual, "the log's entries" + story);
    assertEquals(inFlightSid, sidOfBody.get(messages.get(0)), story);
    String reconciled = "outbox entry " + ids.get(0) + ": Twilio has it as " + inFlightSid;
    assertTrue(
        server.messages().contains(reconciled),
        "the restarted server does not log \"" + reconciled + "\"" + story);
  }

  /**
   * The outbox log's messages this test wrote (the first page: those of earlier tests left out).
   */
  private static JsonObject entries() {
    return entries(earlier);
  }

  private static JsonObject entries(Set<String> leftOut) {
    HttpResponse<String> page = withToken(server.base(), "messages?size=500");
    assertEquals(200, page.statusCode(), page.body());
    JsonArrayBuilder ours = Json.createArrayBuilder();
    json(page.body()).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
        .filter(entry -> !leftOut.contains(entry.getString("id")))
        .forEach(ours::add);
    return Json.createObjectBuilder().add("messages", ours).build();
  }

  private static List<String> bodies(List<FakeTwilio.Request> posts) {
    return posts.stream().map(post -> post.form().get("Body").get(0)).toList();
  }

  private static String describe(List<FakeTwilio.Request> requests) {
    return requests.stream()
        .map(
            r ->
                r.method()
                    + " "
                    + r.path()
                    + (r.query() == null ? "" : "?" + r.query())
                    + (r.method().equals("POST") ? " Body=" + r.form().get("Body") : ""))
        .collect(Collectors.joining("; ", "[", "]"));
  }

  /** The server's messages.log, the last lines, for assertion messages. */
  private static String log() {
    return "\n--- messages.log of "
        + server.directory().getFileName()
        + " (tail) ---\n"
        + server.messagesTail(40);
  }
}
