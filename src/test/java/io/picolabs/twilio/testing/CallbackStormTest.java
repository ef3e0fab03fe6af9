package io.picolabs.twilio.testing;

import static io.picolabs.twilio.testing.CallbackStorm.DELIVERED;
import static io.picolabs.twilio.testing.CallbackStorm.QUEUED;
import static io.picolabs.twilio.testing.CallbackStorm.SENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.picolabs.twilio.testing.CallbackStorm.Callback;
import io.picolabs.twilio.testing.CallbackStorm.Message;
import io.picolabs.twilio.testing.CallbackStorm.Plan;
import io.picolabs.twilio.testing.CallbackStorm.Schedule;
import io.picolabs.twilio.testing.CallbackStorm.Shape;
import io.picolabs.twilio.testkit.Signature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The storm's plan, signing and check exactly; the whole run against a small fake server. */
class CallbackStormTest {
  private static final String TOKEN = "storm-auth-token";
  private static final String EVENTS = "storm-events-token";
  private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  private static final Map<String, Integer> RANK = Map.of(QUEUED, 2, SENT, 4, DELIVERED, 5);

  static {
    // the JDK's server writes an answer's head and body apart: without TCP_NODELAY, each answer
    // would wait for the client's delayed ACK (40 ms)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static List<Message> messages(int count) {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(
          new Message(
              String.format("0000%04d-aaaa-bbbb-cccc-%012d", i % 10_000, i),
              String.format("SM%032d", i),
              "default",
              "+15005550006",
              String.format("+1801555%04d", i % 10_000)));
    }
    return messages;
  }

  // ---------------------------------------------------------------------------------------------
  // the plan

  @Test
  void thePlanIsTheSameForTheSameSeedAndOtherForAnother() {
    List<Message> messages = messages(2000);
    assertEquals(CallbackStorm.plan(messages, 7), CallbackStorm.plan(messages, 7));
    assertNotEquals(CallbackStorm.plan(messages, 7), CallbackStorm.plan(messages, 8));
    assertArrayEquals(
        CallbackStorm.interleave(CallbackStorm.plan(messages, 7), 7),
        CallbackStorm.interleave(CallbackStorm.plan(messages, 7), 7));
    assertFalse(
        Arrays.equals(
            CallbackStorm.interleave(CallbackStorm.plan(messages, 7), 7),
            CallbackStorm.interleave(CallbackStorm.plan(messages, 7), 8)));
    // a message's plan depends on the seed and its id only, not on the others planned with it
    assertEquals(
        CallbackStorm.plan(messages, 7).subList(1000, 2000),
        CallbackStorm.plan(messages.subList(1000, 2000), 7));
  }

  @Test
  void everyMessageGetsQueuedSentAndDeliveredAndEndsDelivered() {
    for (Plan plan : CallbackStorm.plan(messages(3000), 1)) {
      assertEquals(Set.of(QUEUED, SENT, DELIVERED), Set.copyOf(plan.statuses()), plan.toString());
      assertEquals(
          List.of(QUEUED, SENT, DELIVERED),
          List.copyOf(plan.forward().keySet()).stream()
              .sorted((a, b) -> RANK.get(a) - RANK.get(b))
              .toList());
      assertEquals(DELIVERED, plan.furthest());
      switch (plan.shape()) {
        case IN_ORDER -> assertEquals(List.of(QUEUED, SENT, DELIVERED), plan.statuses());
        case REPEATED -> {
          assertEquals(4, plan.statuses().size(), plan.toString());
          int repeats = 0;
          for (int i = 1; i < 4; i++) {
            repeats += plan.statuses().get(i).equals(plan.statuses().get(i - 1)) ? 1 : 0;
          }
          assertEquals(1, repeats, "the same callback twice in a row: " + plan);
          assertEquals(
              List.of(QUEUED, SENT, DELIVERED), plan.statuses().stream().distinct().toList());
        }
        case OUT_OF_ORDER -> assertEquals(3, plan.statuses().size(), plan.toString());
      }
    }
  }

  @Test
  void aboutOneInTenIsRepeatedAndOneInTenOutOfOrder() {
    List<Plan> plans = CallbackStorm.plan(messages(10_000), 1);
    long repeated = plans.stream().filter(plan -> plan.shape() == Shape.REPEATED).count();
    long outOfOrder = plans.stream().filter(plan -> plan.shape() == Shape.OUT_OF_ORDER).count();
    assertTrue(repeated >= 850 && repeated <= 1150, "repeated: " + repeated);
    assertTrue(outOfOrder >= 850 && outOfOrder <= 1150, "out of order: " + outOfOrder);
    // both kinds of overtaking occur
    Set<List<String>> orders = new HashSet<>();
    plans.stream()
        .filter(plan -> plan.shape() == Shape.OUT_OF_ORDER)
        .forEach(plan -> orders.add(plan.statuses()));
    assertEquals(
        Set.of(List.of(QUEUED, DELIVERED, SENT), List.of(SENT, QUEUED, DELIVERED)), orders);
  }

  @Test
  void anOutOfOrderMessageHasItsLaterStatusPlannedBeforeItsEarlierOne() {
    for (Plan plan : CallbackStorm.plan(messages(3000), 3)) {
      List<String> statuses = plan.statuses();
      boolean overtaken = false;
      for (int i = 0; i < statuses.size(); i++) {
        for (int j = i + 1; j < statuses.size(); j++) {
          overtaken |= RANK.get(statuses.get(i)) > RANK.get(statuses.get(j));
        }
      }
      assertEquals(plan.shape() == Shape.OUT_OF_ORDER, overtaken, plan.toString());
      Map<String, Boolean> forward = plan.forward();
      if (plan.shape() == Shape.OUT_OF_ORDER) {
        // the late one, planned after a status that ranks after it, must not move the entry
        String late =
            RANK.get(statuses.get(1)) < RANK.get(statuses.get(0))
                ? statuses.get(1)
                : statuses.get(2);
        assertEquals(
            Map.of(late, false), Map.of(late, forward.get(late)), "the late status of " + plan);
        assertEquals(2, forward.values().stream().filter(moves -> moves).count(), plan.toString());
      } else {
        assertFalse(forward.containsValue(false), plan.toString());
      }
    }
  }

  @Test
  void theInterleavingKeepsEachMessagesOrderAndMixesMessages() {
    List<Plan> plans = CallbackStorm.plan(messages(500), 5);
    int[] sequence = CallbackStorm.interleave(plans, 5);
    assertEquals(plans.stream().mapToInt(plan -> plan.statuses().size()).sum(), sequence.length);
    List<Callback> callbacks =
        CallbackStorm.callbacks("http://127.0.0.1:9180", TOKEN, ACCOUNT_SID, plans, sequence);
    Map<Integer, List<String>> posted = new TreeMap<>();
    for (Callback callback : callbacks) {
      posted.computeIfAbsent(callback.plan(), plan -> new ArrayList<>()).add(callback.status());
    }
    for (int plan = 0; plan < plans.size(); plan++) {
      assertEquals(plans.get(plan).statuses(), posted.get(plan), "order of plan " + plan);
    }
    // the first 30 callbacks come from many messages, not message after message
    Set<Integer> first = new HashSet<>();
    for (int slot = 0; slot < 30; slot++) {
      first.add(sequence[slot]);
    }
    assertTrue(first.size() > 20, "messages among the first 30 callbacks: " + first.size());
  }

  @Test
  void theScheduleGivesNoCallbackWhileAnotherOfItsMessageIsInFlight() throws Exception {
    // plan 0 twice, then plan 1 twice
    Schedule schedule = new Schedule(new int[] {0, 0, 1, 1}, 2);
    assertEquals(0, schedule.next());
    assertEquals(2, schedule.next(), "slot 1 waits for slot 0: same message");
    AtomicInteger third = new AtomicInteger(-2);
    Thread waiter =
        new Thread(
            () -> {
              try {
                third.set(schedule.next());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    waiter.join(200);
    assertEquals(-2, third.get(), "both messages in flight: nothing to give");
    schedule.done(2);
    waiter.join(5000);
    assertEquals(3, third.get(), "plan 1's second callback, once its first was answered");
    schedule.done(0);
    assertEquals(1, schedule.next());
    schedule.done(1);
    schedule.done(3);
    assertEquals(-1, schedule.next());
  }

  @Test
  void percentilesAreExactNearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = 100 - i; // 100 … 1
    }
    assertEquals(50, CallbackStorm.percentile(values, 50));
    assertEquals(99, CallbackStorm.percentile(values, 99));
    assertEquals(7, CallbackStorm.percentile(new long[] {7}, 99));
  }

  // ---------------------------------------------------------------------------------------------
  // signing

  /** Twilio's algorithm written out again, apart from the kit's Signature. */
  private static String twilioSignature(String token, String url, Map<String, List<String>> params)
      throws Exception {
    StringBuilder text = new StringBuilder(url);
    for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
      for (String value : param.getValue().stream().sorted().toList()) {
        text.append(param.getKey()).append(value);
      }
    }
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, List<String>> decodeForm(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      params
          .computeIfAbsent(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              name -> new ArrayList<>())
          .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  @Test
  void theRestatedAlgorithmIsTwiliosOwn() throws Exception {
    assertEquals(
        "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        twilioSignature("12345", SignatureVector.URL, SignatureVector.params()));
  }

  @Test
  void aCallbackIsSignedOverItsUrlAndTheParametersItsBodyCarries() throws Exception {
    Message message =
        new Message(
            "3f1c1d2e-0000-4000-8000-00000000002a",
            "SM0123456789abcdef0123456789abcdef",
            "default",
            "+15005550006",
            "+18015550142");
    Callback callback =
        CallbackStorm.callback("http://127.0.0.1:9180", TOKEN, ACCOUNT_SID, message, 3, SENT);
    String url =
        "http://127.0.0.1:9180/twilio/sms_status?outbox=3f1c1d2e-0000-4000-8000-00000000002a";
    assertEquals(url, callback.url());
    assertEquals(
        "/twilio/sms_status?outbox=3f1c1d2e-0000-4000-8000-00000000002a", callback.target());
    Map<String, List<String>> params = decodeForm(callback.body());
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("MessageSid", List.of("SM0123456789abcdef0123456789abcdef"));
    expected.put("SmsSid", List.of("SM0123456789abcdef0123456789abcdef"));
    expected.put("AccountSid", List.of(ACCOUNT_SID));
    expected.put("From", List.of("+15005550006"));
    expected.put("To", List.of("+18015550142"));
    expected.put("MessageStatus", List.of(SENT));
    expected.put("SmsStatus", List.of(SENT));
    expected.put("ApiVersion", List.of("2010-04-01"));
    assertEquals(expected, params);
    assertEquals(twilioSignature(TOKEN, url, params), callback.signature());
    assertEquals(Signature.of(TOKEN, url, params), callback.signature());
    assertEquals(
        "MessageSid=SM0123456789abcdef0123456789abcdef&SmsSid=SM0123456789abcdef0123456789abcdef"
            + "&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B15005550006"
            + "&To=%2B18015550142&MessageStatus=sent&SmsStatus=sent&ApiVersion=2010-04-01",
        callback.body());

    String request =
        new String(
            CallbackStorm.post(
                "127.0.0.1:9180", callback.target(), callback.signature(), callback.body()),
            StandardCharsets.UTF_8);
    assertTrue(
        request.startsWith(
            "POST /twilio/sms_status?outbox=3f1c1d2e-0000-4000-8000-00000000002a HTTP/1.1\r\n"
                + "Host: 127.0.0.1:9180\r\n"),
        request);
    assertTrue(request.contains("\r\nX-Twilio-Signature: " + callback.signature() + "\r\n"));
    assertTrue(
        request.matches("(?s).*\r\nI-Twilio-Idempotency-Token: [0-9a-f-]{36}\r\n.*"), request);
    assertTrue(request.endsWith("\r\n\r\n" + callback.body()), request);
    assertTrue(request.contains("\r\nContent-Length: " + callback.body().length() + "\r\n"));
  }

  @Test
  void aMessageOfANamedAccountCarriesItsNameAndOneWithoutFromNoFrom() {
    Message message = new Message("id-1", "SM1", "marketing", null, "+18015550142");
    Map<String, List<String>> params = CallbackStorm.params(message, QUEUED, ACCOUNT_SID);
    assertEquals(List.of("marketing"), params.get("AccountSid"));
    assertFalse(params.containsKey("From"));
  }

  // ---------------------------------------------------------------------------------------------
  // the check, against canned pages

  private static String historyItem(String status, String at, boolean forward) {
    return "{\"status\":\"" + status + "\",\"at\":\"" + at + "\",\"forward\":" + forward + "}";
  }

  private static String entry(
      String id, String state, String sid, String status, String... history) {
    return "{\"id\":\""
        + id
        + "\",\"to\":\"+18015550100\",\"account\":\"default\",\"state\":\""
        + state
        + "\",\"attempts\":1,\"created\":\"2024-05-01T10:00:00Z\",\"updated\":"
        + "\"2024-05-01T10:00:01.250Z\",\"from\":\"+15005550006\""
        + (sid == null ? "" : ",\"sid\":\"" + sid + "\"")
        + (status == null ? "" : ",\"status\":\"" + status + "\"")
        + ",\"history\":["
        + String.join(",", history)
        + "]}";
  }

  private static final String T1 = "2024-05-01T10:00:01.001Z";
  private static final String T2 = "2024-05-01T10:00:01.002Z";
  private static final String T3 = "2024-05-01T10:00:01.003Z";

  private static final String PAGE_1 =
      "{\"messages\":["
          + entry(
              "in-order",
              "sent",
              "SM1",
              DELIVERED,
              // one millisecond: the log orders them by name, not as they arrived
              historyItem(DELIVERED, T1, true),
              historyItem(QUEUED, T1, true),
              historyItem(SENT, T1, true))
          + ","
          + entry(
              "late-sent",
              "sent",
              "SM2",
              DELIVERED,
              historyItem(QUEUED, T1, true),
              historyItem(DELIVERED, T2, true),
              historyItem(SENT, T3, false))
          + "],\"page\":1,\"size\":2,\"next\":\"/messages?page=2&size=2\"}";

  private static final String PAGE_2 =
      "{\"messages\":["
          + entry(
              "repeated",
              "sent",
              "SM3",
              DELIVERED,
              historyItem(QUEUED, T1, true),
              historyItem(SENT, T2, true),
              historyItem(DELIVERED, T3, true))
          + ","
          + entry(
              "late-queued",
              "sent",
              "SM4",
              DELIVERED,
              historyItem(SENT, T1, true),
              historyItem(QUEUED, T2, false),
              historyItem(DELIVERED, T3, true))
          + ","
          + entry("pending", "pending", null, null)
          + "],\"page\":2,\"size\":2}";

  private static final String BAD_PAGE =
      "{\"messages\":["
          + entry(
              "doubled",
              "sent",
              "SM5",
              DELIVERED,
              historyItem(QUEUED, T1, true),
              historyItem(SENT, T2, true),
              historyItem(SENT, T2, false),
              historyItem(DELIVERED, T3, true))
          + ","
          + entry(
              "backwards",
              "sent",
              "SM6",
              SENT,
              historyItem(QUEUED, T1, true),
              historyItem(DELIVERED, T2, true),
              historyItem(SENT, T3, true))
          + ","
          + entry(
              "lost",
              "sent",
              "SM7",
              SENT,
              historyItem(QUEUED, T1, true),
              historyItem(SENT, T2, true),
              historyItem("failed", T3, false))
          + "],\"page\":1,\"size\":500}";

  private static Plan plan(String id, String sid, Shape shape, String... statuses) {
    return new Plan(
        new Message(id, sid, "default", "+15005550006", "+18015550100"), shape, List.of(statuses));
  }

  /** A loopback server of fixed pages: {@code page} N of {@code pages}. */
  private static HttpServer pages(String... pages) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/messages",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          Matcher page =
              Pattern.compile("page=(\\d+)").matcher(exchange.getRequestURI().getQuery());
          if (!("Bearer " + EVENTS).equals(auth) || !page.find()) {
            answer(exchange, 401, "no");
            return;
          }
          int n = Integer.parseInt(page.group(1));
          answer(exchange, 200, n <= pages.length ? pages[n - 1] : "{\"messages\":[]}");
        });
    server.start();
    return server;
  }

  private static String base(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void theCheckReadsEveryPageAndAcceptsACorrectHistory() throws Exception {
    HttpServer server = pages(PAGE_1, PAGE_2);
    try {
      List<Map<String, Object>> entries = CallbackStorm.fetchMessages(base(server), EVENTS);
      assertEquals(5, entries.size());
      assertEquals(
          List.of("in-order", "late-sent", "repeated", "late-queued"),
          CallbackStorm.sentMessages(entries, false).stream().map(Message::id).toList());
      assertEquals(List.of(), CallbackStorm.sentMessages(entries, true), "all have a history");
      List<Plan> plans =
          List.of(
              plan("in-order", "SM1", Shape.IN_ORDER, QUEUED, SENT, DELIVERED),
              plan("late-sent", "SM2", Shape.OUT_OF_ORDER, QUEUED, DELIVERED, SENT),
              plan("repeated", "SM3", Shape.REPEATED, QUEUED, QUEUED, SENT, DELIVERED),
              plan("late-queued", "SM4", Shape.OUT_OF_ORDER, SENT, QUEUED, DELIVERED));
      assertEquals(List.of(), CallbackStorm.check(entries, plans));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theCheckTellsExactlyWhatIsWrong() throws Exception {
    HttpServer server = pages(BAD_PAGE);
    try {
      List<Map<String, Object>> entries = CallbackStorm.fetchMessages(base(server), EVENTS);
      List<Plan> plans =
          List.of(
              plan("doubled", "SM5", Shape.REPEATED, QUEUED, SENT, SENT, DELIVERED),
              plan("backwards", "SM6", Shape.OUT_OF_ORDER, QUEUED, DELIVERED, SENT),
              plan("lost", "SM7", Shape.IN_ORDER, QUEUED, SENT, DELIVERED),
              plan("gone", "SM8", Shape.IN_ORDER, QUEUED, SENT, DELIVERED));
      assertEquals(
          List.of(
              "entry doubled [planned queued,sent,sent,delivered]: \"sent\" recorded 2 times in"
                  + " history",
              "entry backwards [planned queued,delivered,sent]: status is \"sent\", expected"
                  + " \"delivered\"",
              "entry backwards [planned queued,delivered,sent]: \"sent\" has forward=true,"
                  + " expected false",
              "entry lost [planned queued,sent,delivered]: status is \"sent\", expected"
                  + " \"delivered\"",
              "entry lost [planned queued,sent,delivered]: \"delivered\" missing from history",
              "entry lost [planned queued,sent,delivered]: unexpected \"failed\" in history",
              "entry gone [planned queued,sent,delivered]: not in /messages"),
          CallbackStorm.check(entries, plans));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aLogThatCannotBeReadIsAnError() throws Exception {
    HttpServer server = pages(PAGE_1);
    try {
      IOException refused =
          assertThrows(IOException.class, () -> CallbackStorm.fetchMessages(base(server), "wrong"));
      assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theJsonReaderReadsWhatTheLogWrites() {
    assertEquals(
        Map.of("a", List.of(1L, 2.5, true, false, "x\"y\u00e9/"), "b", Map.of()),
        CallbackStorm.Json.parse(
            " {\"a\": [1, 2.5, true, false, \"x\\\"y\\u00e9\\/\"], \"b\": {}} "));
    assertEquals(Collections.singletonMap("n", null), CallbackStorm.Json.parse("{\"n\":null}"));
  }

  // ---------------------------------------------------------------------------------------------
  // the whole run, against a fake of the server's outbox

  /**
   * The server's side as the storm needs it: signed callbacks recorded once per status and moving
   * the status forward only (or, {@code recordRepeats}, wrongly recording a repeat again), the log,
   * and a ceiling. It counts callbacks of one message that overlapped.
   */
  private static final class FakeServer implements AutoCloseable {
    final HttpServer server;
    final ExecutorService threads = Executors.newFixedThreadPool(8);
    final Map<String, FakeEntry> entries = new LinkedHashMap<>(); // newest first
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger callbacks = new AtomicInteger();
    final AtomicInteger ceiling = new AtomicInteger();
    volatile boolean recordRepeats;

    static final class FakeEntry {
      final String id;
      final String sid;
      final String state;
      String status;
      int rank = -1;
      final List<String[]> history = new ArrayList<>();

      FakeEntry(String id, String sid, String state) {
        this.id = id;
        this.sid = sid;
        this.state = state;
        this.status = sid == null ? null : QUEUED;
      }
    }

    FakeServer(int sent, int pending) throws IOException {
      for (int i = 0; i < pending; i++) {
        FakeEntry entry = new FakeEntry("pending-" + i, null, "pending");
        entries.put(entry.id, entry);
      }
      for (int i = sent - 1; i >= 0; i--) {
        FakeEntry entry =
            new FakeEntry(
                String.format("e%05d-0000-4000-8000-000000000000", i),
                String.format("SM%032d", i),
                "sent");
        entries.put(entry.id, entry);
      }
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(threads);
      server.createContext("/twilio/sms_status", this::callback);
      server.createContext("/messages", this::log);
      server.createContext(
          "/ceiling/inbound_call",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            ceiling.incrementAndGet();
            answer(exchange, 200, "<Response/>");
          });
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void callback(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> params = decodeForm(body);
      String query = exchange.getRequestURI().getRawQuery();
      String url = base() + exchange.getRequestURI().getRawPath() + "?" + query;
      String signature = exchange.getRequestHeaders().getFirst(Signature.HEADER);
      if (!Signature.of(TOKEN, url, params).equals(signature)) {
        answer(exchange, 403, "bad signature");
        return;
      }
      String id = query.substring("outbox=".length());
      FakeEntry entry = entries.get(id);
      String status = params.get("MessageStatus").get(0);
      if (entry == null
          || !entry.sid.equals(params.get("MessageSid").get(0))
          || !ACCOUNT_SID.equals(params.get("AccountSid").get(0))) {
        answer(exchange, 400, "unknown " + id);
        return;
      }
      callbacks.incrementAndGet();
      if (!inFlight.add(id)) {
        overlaps.incrementAndGet();
      }
      try {
        // a little time in flight, so that a second callback of the message posted too early
        // would overlap
        Thread.sleep(ThreadLocalRandom.current().nextInt(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (entry) {
        boolean known = entry.history.stream().anyMatch(item -> item[0].equals(status));
        if (!known || recordRepeats) {
          boolean forward = RANK.get(status) > entry.rank;
          if (forward) {
            entry.rank = RANK.get(status);
            entry.status = status;
          }
          entry.history.add(new String[] {status, String.valueOf(forward)});
        }
      }
      inFlight.remove(id);
      answer(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    }

    private void log(HttpExchange exchange) throws IOException {
      if (!("Bearer " + EVENTS).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "events token");
        return;
      }
      Map<String, Integer> query = new TreeMap<>();
      for (String pair : exchange.getRequestURI().getQuery().split("&")) {
        String[] parts = pair.split("=");
        query.put(parts[0], Integer.valueOf(parts[1]));
      }
      int size = query.get("size");
      int page = query.get("page");
      List<FakeEntry> all = new ArrayList<>(entries.values());
      int from = Math.min(all.size(), (page - 1) * size);
      int to = Math.min(all.size(), from + size);
      StringBuilder json = new StringBuilder("{\"messages\":[");
      for (FakeEntry entry : all.subList(from, to)) {
        List<String> history = new ArrayList<>();
        synchronized (entry) {
          for (String[] item : entry.history) {
            history.add(historyItem(item[0], T1, Boolean.parseBoolean(item[1])));
          }
          json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
              .append(
                  entry(
                      entry.id,
                      entry.state,
                      entry.sid,
                      entry.status,
                      history.toArray(String[]::new)));
        }
      }
      json.append("],\"page\":").append(page).append(",\"size\":").append(size);
      if (to < all.size()) {
        json.append(",\"next\":\"/messages?page=").append(page + 1).append("&size=").append(size);
        json.append('"');
      }
      json.append('}');
      // chunked, as a server may answer a long page
      byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Ran(int exit, String out, String err) {}

  private static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        CallbackStorm.run(
            args,
            Map.of("TWILIO_ACCOUNT_SID", ACCOUNT_SID),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final Pattern RESULT =
      Pattern.compile(
          "RESULT messages=(\\d+) callbacks=(\\d+) duration_us=(\\d+) rate=(\\d+\\.\\d)"
              + " p50_us=(\\d+) p99_us=(\\d+) wrong=(\\d+) ceiling_rate=(\\d+\\.\\d) check=ok\n");

  @Test
  void aStormAgainstAFakeOutboxIsRecordedAsPlannedAndChecked() throws Exception {
    try (FakeServer server = new FakeServer(620, 3)) {
      String[] storm = {
        "--base",
        server.base() + "/",
        "--auth-token",
        TOKEN,
        "--events-token",
        EVENTS,
        "--connections",
        "8",
        "--seed",
        "11",
        "--ceiling",
        "/ceiling/inbound_call"
      };
      Ran ran = run(storm);
      assertEquals(0, ran.exit(), ran.out() + ran.err());
      Matcher result = RESULT.matcher(ran.out());
      assertTrue(result.matches(), ran.out());
      int callbacks = Integer.parseInt(result.group(2));
      assertEquals("620", result.group(1));
      assertEquals(server.callbacks.get(), callbacks);
      assertEquals(callbacks, server.ceiling.get(), "as many requests to the ceiling");
      assertEquals("0", result.group(7));
      assertEquals(0, server.overlaps.get(), "callbacks of one message overlapped");
      assertTrue(Long.parseLong(result.group(5)) <= Long.parseLong(result.group(6)));

      Ran checked =
          run(
              "--base",
              server.base(),
              "--auth-token",
              TOKEN,
              "--events-token",
              EVENTS,
              "--seed",
              "11",
              "--check-only");
      assertEquals(0, checked.exit(), checked.out() + checked.err());
      assertEquals(
          "RESULT messages=620 callbacks=0 duration_us=- rate=- p50_us=- p99_us=- wrong=0"
              + " ceiling_rate=- check=ok\n",
          checked.out());

      // another seed plans other shapes than those the server recorded
      Ran other =
          run(
              "--base",
              server.base(),
              "--auth-token",
              TOKEN,
              "--events-token",
              EVENTS,
              "--seed",
              "12",
              "--check-only");
      assertEquals(1, other.exit(), other.out() + other.err());
      assertTrue(other.err().contains("forward="), other.err());

      // nothing left to storm: every sent message has a history now
      Ran again = run(storm);
      assertEquals(1, again.exit());
      assertTrue(
          again.err().contains("620 sent messages already have a status history"), again.err());
    }
  }

  @Test
  void aServerThatRecordsARepeatTwiceFailsTheCheck() throws Exception {
    try (FakeServer server = new FakeServer(200, 0)) {
      server.recordRepeats = true;
      Ran ran =
          run(
              "--base",
              server.base(),
              "--auth-token",
              TOKEN,
              "--events-token",
              EVENTS,
              "--connections",
              "4");
      assertEquals(1, ran.exit(), ran.out() + ran.err());
      assertTrue(ran.out().startsWith("RESULT messages=200 "), ran.out());
      assertTrue(ran.out().endsWith(" ceiling_rate=- check=failed\n"), ran.out());
      assertTrue(ran.err().contains("times in history"), ran.err());
    }
  }

  @Test
  void aWrongSignatureIsCountedWrongAndToldOnce() throws Exception {
    try (FakeServer server = new FakeServer(30, 0)) {
      Ran ran =
          run(
              "--base",
              server.base(),
              "--auth-token",
              "not-the-token",
              "--events-token",
              EVENTS,
              "--connections",
              "2");
      assertEquals(1, ran.exit());
      Matcher result =
          Pattern.compile(
                  "RESULT messages=30 callbacks=(\\d+) .* wrong=(\\d+)"
                      + " ceiling_rate=- check=failed\n")
              .matcher(ran.out());
      assertTrue(result.matches(), ran.out());
      assertEquals(result.group(1), result.group(2), "every callback refused");
      assertEquals(1, ran.err().split("first wrong", -1).length - 1, ran.err());
      assertTrue(ran.err().contains("HTTP 403: bad signature"), ran.err());
    }
  }

  @Test
  void badOptionsAreTold() {
    Ran ran = run("--base", "http://127.0.0.1:1", "--auth-token", TOKEN);
    assertEquals(2, ran.exit());
    assertTrue(ran.err().contains("--events-token is required"), ran.err());
    assertEquals(2, run("--bogus").exit());
  }
}
