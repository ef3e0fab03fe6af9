package io.picolabs.twilio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.picolabs.twilio.rest.CallPage;
import io.picolabs.twilio.rest.IncomingNumber;
import io.picolabs.twilio.rest.IncomingNumberPage;
import io.picolabs.twilio.rest.MessagePage;
import io.picolabs.twilio.rest.PlacedCall;
import io.picolabs.twilio.rest.SentMessage;
import io.picolabs.twilio.rest.TwilioDate;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class FakeTwilioTest {
  private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
  private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
  private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
  private static final String ALICE = "+15551230001";
  private static final String BOB = "+15551230002";
  private static final String US = "+15559870000";
  private static final Pattern SID = Pattern.compile("\"sid\":\"((SM|CA)[0-9a-f]{32})\"");
  private static final Pattern CREATED = Pattern.compile("\"date_created\":\"([^\"]+)\"");
  private static final Pattern TWILIO_DATE =
      Pattern.compile("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** A request the loopback "server" received: the status callbacks. */
  private record Received(
      String method, String path, String signature, String settings, String body) {}

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeTwilio fake;
  private HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    fake = FakeTwilio.start("tok").statusDelay(Duration.ofMillis(5));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Twilio-Webhooks-Signature-Settings"),
                    body));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    fake.close();
    server.stop(0);
  }

  private String serverUrl(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String authorization, Map<String, String> form)
      throws Exception {
    return post(path, authorization, Form.encode(Form.of(form)));
  }

  private HttpResponse<String> post(String path, String authorization, String form)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fake.url() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(Map<String, String> form) throws Exception {
    return post(MESSAGES, basic(ACCOUNT, "tok"), form);
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(fake.url() + pathAndQuery))
            .header("Authorization", basic(ACCOUNT, "tok"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> form(String... namesAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertTrue(matcher.find(), () -> pattern + " not in " + text);
    return matcher.group(1);
  }

  private static String error(int code, String message, int status) {
    return "{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
        + code
        + "\",\"status\":"
        + status
        + "}";
  }

  private static String message(
      String sid, String to, String body, int media, String status, String date) {
    return "{\"sid\":\""
        + sid
        + "\",\"account_sid\":\""
        + ACCOUNT
        + "\",\"to\":\""
        + to
        + "\",\"from\":\""
        + US
        + "\",\"messaging_service_sid\":null,\"body\":\""
        + body
        + "\",\"status\":\""
        + status
        + "\",\"num_segments\":\"1\",\"num_media\":\""
        + media
        + "\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\",\"price\":null,"
        + "\"price_unit\":\"USD\",\"error_code\":null,\"error_message\":null,"
        + "\"uri\":\"/2010-04-01/Accounts/"
        + ACCOUNT
        + "/Messages/"
        + sid
        + ".json\",\"date_created\":\""
        + date
        + "\",\"date_updated\":\""
        + date
        + "\",\"date_sent\":null}";
  }

  @Test
  void aSendIsAcceptedWithTwilioMembers() throws Exception {
    HttpResponse<String> answer = send(form("To", ALICE, "From", US, "Body", "Hi \"there\"\\\n"));

    assertEquals(201, answer.statusCode());
    assertEquals(
        "application/json; charset=utf-8", answer.headers().firstValue("Content-Type").get());
    String sid = group(SID, answer.body());
    assertTrue(sid.matches("SM[0-9a-f]{32}"), sid);
    String date = group(CREATED, answer.body());
    assertTrue(TWILIO_DATE.matcher(date).matches(), date);
    assertEquals(
        message(sid, ALICE, "Hi \\\"there\\\"\\\\\\u000A", 0, "queued", date), answer.body());
    SentText text = fake.awaitText(ALICE, WAIT);
    assertEquals(sid, text.sid());
    assertEquals("Hi \"there\"\\\n", text.body());
    assertEquals(US, text.from());
    assertEquals(ACCOUNT, text.accountSid());
  }

  @Test
  void mediaAloneIsAMessage() throws Exception {
    HttpResponse<String> answer =
        send(form("To", ALICE, "From", US, "MediaUrl", "https://example.com/cat.jpg"));

    assertEquals(201, answer.statusCode());
    String sid = group(SID, answer.body());
    assertEquals(
        message(sid, ALICE, "", 1, "queued", group(CREATED, answer.body())), answer.body());
    assertEquals(List.of("https://example.com/cat.jpg"), fake.awaitText(ALICE, WAIT).mediaUrls());
  }

  @Test
  void badCredentialsAreRefused() throws Exception {
    String authenticate = error(20003, "Authenticate", 401);
    Map<String, String> hi = form("To", ALICE, "From", US, "Body", "Hi");

    HttpResponse<String> wrongPassword = post(MESSAGES, basic(ACCOUNT, "nope"), hi);
    assertEquals(401, wrongPassword.statusCode());
    assertEquals(authenticate, wrongPassword.body());
    assertEquals(
        "Basic realm=\"Twilio API\"", wrongPassword.headers().firstValue("WWW-Authenticate").get());
    assertEquals(authenticate, post(MESSAGES, null, hi).body());
    assertEquals(authenticate, post(MESSAGES, "Bearer tok", hi).body());
    HttpResponse<String> otherAccount =
        post(MESSAGES, basic("AC99999999999999999999999999999999", "tok"), hi);
    assertEquals(401, otherAccount.statusCode());
    assertEquals(authenticate, otherAccount.body());
    assertEquals(List.of(), fake.texts());
  }

  @Test
  void credentialsAreCheckedAloneBeforeABody() {
    FakeTwilio.Answer refused =
        new FakeTwilio.Answer(
            401,
            FakeTwilio.JSON,
            error(20003, "Authenticate", 401),
            Map.of("WWW-Authenticate", "Basic realm=\"Twilio API\""));
    assertEquals(Optional.of(refused), fake.refusal(null));
    assertEquals(Optional.of(refused), fake.refusal(basic(ACCOUNT, "nope")));
    assertEquals(Optional.of(refused), fake.refusal("Bearer tok"));
    assertEquals(Optional.empty(), fake.refusal(basic(ACCOUNT, "tok")));
    // an account with a token of its own takes that one
    fake.account("AC99999999999999999999999999999999", "other");
    assertEquals(
        Optional.of(refused), fake.refusal(basic("AC99999999999999999999999999999999", "tok")));
    assertEquals(
        Optional.empty(), fake.refusal(basic("AC99999999999999999999999999999999", "other")));
  }

  @Test
  void invalidMessagesAreRefusedWithTwilioCodes() throws Exception {
    HttpResponse<String> badTo = send(form("To", "555-1234", "From", US, "Body", "Hi"));
    assertEquals(400, badTo.statusCode());
    assertEquals(
        error(21211, "The 'To' number 555-1234 is not a valid phone number.", 400), badTo.body());
    assertEquals(
        error(21604, "A 'To' phone number is required.", 400),
        send(form("From", US, "Body", "Hi")).body());
    assertEquals(
        error(21603, "A 'From' phone number is required.", 400),
        send(form("To", ALICE, "Body", "Hi")).body());
    assertEquals(
        error(21602, "Message body is required.", 400), send(form("To", ALICE, "From", US)).body());
    assertEquals(
        error(21617, "The concatenated message body exceeds the 1600 character limit.", 400),
        send(form("To", ALICE, "From", US, "Body", "x".repeat(1601))).body());
    assertEquals(List.of(), fake.texts());
  }

  @Test
  void aMessagingServiceStandsForFromAndLongBodiesCountSegments() throws Exception {
    HttpResponse<String> answer =
        send(
            form(
                "To",
                ALICE,
                "MessagingServiceSid",
                "MG0123456789abcdef0123456789abcdef",
                "Body",
                "x".repeat(1600)));

    assertEquals(201, answer.statusCode());
    assertTrue(
        answer
            .body()
            .contains(
                "\"from\":null,\"messaging_service_sid\":\"MG0123456789abcdef0123456789abcdef\""),
        answer.body());
    assertTrue(answer.body().contains("\"num_segments\":\"10\""), answer.body());
  }

  @Test
  void otherRequestsAreNotFound() throws Exception {
    HttpResponse<String> unknown = get("/2010-04-01/Accounts/" + ACCOUNT + "/Recordings.json");
    assertEquals(404, unknown.statusCode());
    assertEquals(
        error(
            20404,
            "The requested resource /2010-04-01/Accounts/"
                + ACCOUNT
                + "/Recordings.json was not found",
            404),
        unknown.body());
    FakeTwilio.Answer delete =
        fake.handle("DELETE", MESSAGES, null, basic(ACCOUNT, "tok"), "To=%2B15551230001");
    assertEquals(
        new FakeTwilio.Answer(
            404,
            FakeTwilio.JSON,
            error(20404, "The requested resource " + MESSAGES + " was not found", 404)),
        delete);
  }

  @Test
  void listsAreNewestFirstFilteredAndPaged() throws Exception {
    String first = group(SID, send(form("To", ALICE, "From", US, "Body", "one")).body());
    String second = group(SID, send(form("To", BOB, "From", US, "Body", "two")).body());
    String third = group(SID, send(form("To", ALICE, "From", BOB, "Body", "three")).body());

    assertEquals(List.of(third, second, first), sids(get(MESSAGES).body()));
    HttpResponse<String> toAlice = get(MESSAGES + "?To=%2B15551230001");
    assertEquals(200, toAlice.statusCode());
    assertEquals(List.of(third, first), sids(toAlice.body()));
    String uri = MESSAGES + "?To=%2B15551230001&PageSize=50&Page=0";
    assertTrue(
        toAlice
            .body()
            .endsWith(
                "],\"page\":0,\"page_size\":50,\"first_page_uri\":\""
                    + uri
                    + "\",\"next_page_uri\":null,\"previous_page_uri\":null,\"uri\":\""
                    + uri
                    + "\"}"),
        toAlice.body());
    assertTrue(toAlice.body().startsWith("{\"messages\":[{\"sid\":\"" + third), toAlice.body());
    assertEquals(
        List.of(first), sids(get(MESSAGES + "?To=%2B15551230001&From=%2B15559870000").body()));

    HttpResponse<String> newest = get(MESSAGES + "?PageSize=1");
    assertEquals(List.of(third), sids(newest.body()));
    assertTrue(
        newest
            .body()
            .contains(
                "\"page\":0,\"page_size\":1,\"first_page_uri\":\""
                    + MESSAGES
                    + "?PageSize=1&Page=0\",\"next_page_uri\":\""
                    + MESSAGES
                    + "?PageSize=1&Page=1\",\"previous_page_uri\":null"),
        newest.body());
    assertEquals(List.of(second), sids(get(MESSAGES + "?PageSize=1&Page=1").body()));
    assertTrue(get(MESSAGES + "?PageSize=5000").body().contains("\"page_size\":1000"));
    assertEquals(
        error(20001, "Invalid paging parameter: PageSize 0, Page 0", 400),
        get(MESSAGES + "?PageSize=0").body());
    assertEquals("{\"calls\":[],", get(CALLS).body().substring(0, 12));
  }

  private static List<String> sids(String json) {
    List<String> sids = new ArrayList<>();
    Matcher matcher = SID.matcher(json);
    while (matcher.find()) {
      sids.add(matcher.group(1));
    }
    return sids;
  }

  @Test
  void aCallRings() throws Exception {
    HttpResponse<String> answer =
        post(
            CALLS,
            basic(ACCOUNT, "tok"),
            "To=%2B15551230001&From=%2B15559870000&Url=https%3A%2F%2Fexample.com%2Fanswer"
                + "&StatusCallback=https%3A%2F%2Fexample.com%2Fstatus"
                + "&StatusCallbackEvent=ringing&StatusCallbackEvent=answered+completed");

    assertEquals(201, answer.statusCode());
    String sid = group(SID, answer.body());
    assertTrue(sid.matches("CA[0-9a-f]{32}"), sid);
    String date = group(CREATED, answer.body());
    assertTrue(TWILIO_DATE.matcher(date).matches(), date);
    assertEquals(
        "{\"sid\":\""
            + sid
            + "\",\"account_sid\":\""
            + ACCOUNT
            + "\",\"to\":\"+15551230001\",\"from\":\"+15559870000\",\"status\":\"queued\","
            + "\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\","
            + "\"parent_call_sid\":null,\"price\":null,\"price_unit\":\"USD\","
            + "\"uri\":\"/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Calls/"
            + sid
            + ".json\",\"date_created\":\""
            + date
            + "\",\"date_updated\":\""
            + date
            + "\"}",
        answer.body());
    RingingCall call = fake.awaitCall(ALICE, WAIT);
    assertEquals(sid, call.sid());
    assertEquals("https://example.com/answer", call.url());
    assertEquals("POST", call.method());
    assertNull(call.twiml());
    assertEquals("https://example.com/status", call.statusCallback());
    assertEquals(List.of("ringing", "answered", "completed"), call.statusCallbackEvents());
    assertEquals("POST", call.statusCallbackMethod());
    assertEquals("queued", call.status());
  }

  @Test
  void invalidCallsAreRefused() throws Exception {
    String auth = basic(ACCOUNT, "tok");
    assertEquals(
        error(21205, "Url parameter is required.", 400),
        post(CALLS, auth, form("To", ALICE, "From", US)).body());
    assertEquals(
        error(21201, "No 'To' number is specified", 400),
        post(CALLS, auth, form("From", US, "Url", "https://example.com/a")).body());
    assertEquals(
        error(21213, "No 'From' number is specified", 400),
        post(CALLS, auth, form("To", ALICE, "Url", "https://example.com/a")).body());
    assertEquals(
        error(21211, "The 'To' number 12 is not a valid phone number.", 400),
        post(CALLS, auth, form("To", "12", "From", US, "Url", "https://example.com/a")).body());
    HttpResponse<String> twiml =
        post(CALLS, auth, form("To", "client:alice", "From", US, "Twiml", "<Response/>"));
    assertEquals(201, twiml.statusCode());
    assertEquals("<Response/>", fake.awaitCall("client:alice", WAIT).twiml());
  }

  @Test
  void statusCallbacksReportQueuedSentDeliveredSigned() throws Exception {
    String callback = serverUrl("/twilio/sms_status?rule=a%20b");
    String sid =
        group(
            SID,
            send(form("To", ALICE, "From", US, "Body", "Hi", "StatusCallback", callback)).body());

    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Received request = received.poll(5, TimeUnit.SECONDS);
      assertNotNull(request, "callback " + i + " missing; got " + statuses);
      assertEquals("POST", request.method());
      assertEquals("/twilio/sms_status?rule=a%20b", request.path());
      Map<String, List<String>> params = Form.decode(request.body());
      String status = params.get("MessageStatus").get(0);
      statuses.add(status);
      assertEquals(
          List.of(
              "MessageSid",
              "SmsSid",
              "AccountSid",
              "From",
              "To",
              "MessageStatus",
              "SmsStatus",
              "ApiVersion"),
          new ArrayList<>(params.keySet()));
      assertEquals(
          Form.of(
              form(
                  "MessageSid", sid,
                  "SmsSid", sid,
                  "AccountSid", ACCOUNT,
                  "From", US,
                  "To", ALICE,
                  "MessageStatus", status,
                  "SmsStatus", status,
                  "ApiVersion", "2010-04-01")),
          params);
      assertEquals(Signature.of("tok", callback, params), request.signature());
    }
    assertEquals(List.of("queued", "sent", "delivered"), statuses);
    SentText delivered = fake.awaitTextStatus(sid, "delivered", WAIT);
    assertNotNull(delivered.sent());
    awaitCallbacks(3);
    assertTrue(fake.callbacks().stream().allMatch(Exchange::ok), fake.callbacks().toString());
    assertEquals(callback, fake.callbacks().get(0).url());
    assertTrue(
        get(MESSAGES).body().contains("\"status\":\"delivered\""), "the list shows the progress");
    assertFalse(get(MESSAGES).body().contains("\"date_sent\":null"));
  }

  private void awaitCallbacks(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (fake.callbacks().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(count, fake.callbacks().size(), fake.callbacks().toString());
  }

  @Test
  void anUnreachableCallbackIsRecordedAndLaterOnesStillGo() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closed + "/status";
    send(form("To", ALICE, "From", US, "Body", "lost", "StatusCallback", nowhere));
    awaitCallbacks(3);
    for (Exchange failed : fake.callbacks()) {
      assertEquals(0, failed.status());
      assertEquals(nowhere, failed.url());
      assertTrue(failed.body().contains("failed"), failed.body());
    }

    String callback = serverUrl("/status");
    send(form("To", BOB, "From", US, "Body", "found", "StatusCallback", callback));
    awaitCallbacks(6);
    assertTrue(fake.callbacks().subList(3, 6).stream().allMatch(Exchange::ok));
    assertEquals(3, received.size());
  }

  @Test
  void awaitTextReturnsEachTextToANumberOnce() throws Exception {
    send(form("To", ALICE, "From", US, "Body", "one"));
    send(form("To", BOB, "From", US, "Body", "other"));
    send(form("To", ALICE, "From", US, "Body", "two"));

    assertEquals("one", fake.awaitText(ALICE, WAIT).body());
    assertEquals("two", fake.awaitText(ALICE, WAIT).body());
    assertEquals("other", fake.awaitText(BOB, WAIT).body());
    AssertionError none =
        assertThrows(AssertionError.class, () -> fake.awaitText(ALICE, Duration.ofMillis(50)));
    List<SentText> texts = fake.texts();
    assertEquals(
        "no new text to +15551230001 within 50 ms (2 to it already returned); texts so far: "
            + "\n  "
            + texts.get(0)
            + "\n  "
            + texts.get(1)
            + "\n  "
            + texts.get(2),
        none.getMessage());
    assertTrue(
        texts
            .get(0)
            .toString()
            .matches("SM[0-9a-f]{32} \\+15559870000 -> \\+15551230001 \"one\" \\[\\w+]"),
        texts.get(0).toString());
    assertEquals(List.of("one", "two"), fake.textsTo(ALICE).stream().map(SentText::body).toList());
    AssertionError nothing =
        assertThrows(
            AssertionError.class, () -> fake.awaitText("+15550000000", Duration.ofMillis(1)));
    assertTrue(nothing.getMessage().startsWith("no new text to +15550000000 within 1 ms (0"));
  }

  @Test
  void awaitTextWaitsForATextStillToCome() throws Exception {
    Thread later =
        new Thread(
            () -> {
              try {
                Thread.sleep(100);
                send(form("To", ALICE, "From", US, "Body", "late"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    later.start();
    assertEquals("late", fake.awaitText(ALICE, WAIT).body());
    later.join();
  }

  @Test
  void listenersHearOfEachTextAndCall() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    fake.onText(text -> heard.add("text " + text.body()));
    fake.onText(
        text -> {
          throw new IllegalStateException("a broken console");
        });
    fake.onCall(call -> heard.add("call " + call.to()));

    assertEquals(201, send(form("To", ALICE, "From", US, "Body", "hi")).statusCode());
    post(CALLS, basic(ACCOUNT, "tok"), form("To", BOB, "From", US, "Url", "https://x.test/a"));

    assertEquals(List.of("text hi", "call " + BOB), heard);
  }

  @Test
  void callStatusIsReportedForTheEventsTheCallAskedFor() throws Exception {
    String callback = serverUrl("/call_status");
    post(
        CALLS,
        basic(ACCOUNT, "tok"),
        form(
            "To",
            ALICE,
            "From",
            US,
            "Url",
            "https://x.test/a",
            "StatusCallback",
            callback,
            "StatusCallbackEvent",
            "ringing completed"));
    RingingCall call = fake.awaitCall(ALICE, WAIT);

    Exchange ringing = fake.callStatus(call.sid(), "ringing", 0).orElseThrow();
    assertEquals(204, ringing.status());
    assertTrue(fake.callStatus(call.sid(), "in-progress", 0).isEmpty(), "answered not asked for");
    fake.callStatus(call.sid(), "completed", 42).orElseThrow();

    Received first = received.poll(5, TimeUnit.SECONDS);
    assertEquals(
        Form.of(
            form(
                "CallSid",
                call.sid(),
                "AccountSid",
                ACCOUNT,
                "From",
                US,
                "To",
                ALICE,
                "CallStatus",
                "ringing",
                "Direction",
                "outbound-api",
                "ApiVersion",
                "2010-04-01")),
        Form.decode(first.body()));
    Received last = received.poll(5, TimeUnit.SECONDS);
    Map<String, List<String>> completed = Form.decode(last.body());
    assertEquals(List.of("completed"), completed.get("CallStatus"));
    assertEquals(List.of("42"), completed.get("CallDuration"));
    assertEquals(Signature.of("tok", callback, completed), last.signature());
    assertEquals("completed", fake.calls().get(0).status());
    assertEquals(2, fake.callbacks().size());
    assertThrows(IllegalArgumentException.class, () -> fake.callStatus("CAnope", "ringing", 0));
  }

  @Test
  void aCallThatAskedForNoEventsHearsOfCompletedAlone() throws Exception {
    post(
        CALLS,
        basic(ACCOUNT, "tok"),
        form(
            "To", ALICE, "From", US, "Url", "https://x.test/a", "StatusCallback", serverUrl("/s")));
    String sid = fake.awaitCall(ALICE, WAIT).sid();

    assertTrue(fake.callStatus(sid, "ringing", 0).isEmpty());
    assertEquals(204, fake.callStatus(sid, "no-answer", 0).orElseThrow().status());
    assertEquals(List.of("no-answer"), Form.decode(received.take().body()).get("CallStatus"));
  }

  @Test
  void theServersRestTypesReadTheAnswers() throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      String created = send(form("To", ALICE, "From", US, "Body", "Hi ☃")).body();
      SentMessage sent = jsonb.fromJson(created, SentMessage.class);
      assertTrue(sent.sid().startsWith("SM"));
      assertEquals(ALICE, sent.to());
      assertEquals(US, sent.from());
      assertEquals("Hi ☃", sent.body());
      assertEquals("queued", sent.status());
      assertEquals(ACCOUNT, sent.accountSid());
      assertEquals(1, sent.numSegments());
      assertEquals(0, sent.numMedia());
      assertNull(sent.errorCode());
      assertNotNull(sent.dateCreated());
      assertEquals(
          OffsetDateTime.parse(group(CREATED, created), DateTimeFormatter.RFC_1123_DATE_TIME),
          sent.dateCreated());

      MessagePage messages =
          jsonb.fromJson(get(MESSAGES + "?To=%2B15551230001").body(), MessagePage.class);
      assertEquals(1, messages.messages().size());
      assertEquals(sent.sid(), messages.messages().get(0).sid());
      assertNotNull(messages.messages().get(0).dateCreated());

      String placed =
          post(CALLS, basic(ACCOUNT, "tok"), form("To", BOB, "From", US, "Url", "https://x.test/a"))
              .body();
      PlacedCall call = jsonb.fromJson(placed, PlacedCall.class);
      assertTrue(call.sid().startsWith("CA"));
      assertEquals(BOB, call.to());
      assertEquals(US, call.from());
      assertEquals("queued", call.status());
      assertEquals("outbound-api", call.direction());
      assertNotNull(call.dateCreated());
      CallPage calls = jsonb.fromJson(get(CALLS).body(), CallPage.class);
      assertEquals(List.of(call.sid()), calls.calls().stream().map(PlacedCall::sid).toList());
    }
  }

  @Test
  void theCoreAnswersWithoutAServer() {
    try (FakeTwilio core = FakeTwilio.create("secret")) {
      assertThrows(IllegalStateException.class, core::url);
      FakeTwilio.Answer answer =
          core.handle(
              "POST",
              MESSAGES,
              null,
              basic(ACCOUNT, "secret"),
              "To=%2B15551230001&From=%2B15559870000&Body=Hi+there");
      assertEquals(201, answer.status());
      assertEquals(FakeTwilio.JSON, answer.contentType());
      assertEquals("Hi there", core.awaitText(ALICE, WAIT).body());
      assertEquals(
          200, core.handle("GET", MESSAGES, "PageSize=1", basic(ACCOUNT, "secret"), null).status());
      assertEquals(401, core.handle("GET", MESSAGES, null, basic(ACCOUNT, "tok"), null).status());
    }
  }

  @Test
  void concurrentSendsAreEachKeptOnce() throws Exception {
    int count = 40;
    List<Thread> senders = new ArrayList<>();
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    for (int i = 0; i < count; i++) {
      String body = "n" + i;
      Thread sender =
          new Thread(
              () -> {
                try {
                  statuses.add(send(form("To", ALICE, "From", US, "Body", body)).statusCode());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      senders.add(sender);
      sender.start();
    }
    for (Thread sender : senders) {
      sender.join();
    }

    assertEquals(java.util.Collections.nCopies(count, 201), statuses);
    assertEquals(count, fake.texts().stream().map(SentText::sid).distinct().count());
    assertEquals(count, sids(get(MESSAGES + "?PageSize=1000").body()).size());
    for (int i = 0; i < count; i++) {
      fake.awaitText(ALICE, WAIT);
    }
  }

  @Test
  void aMalformedFormIsABadRequest() {
    FakeTwilio.Answer answer =
        fake.handle("POST", MESSAGES, null, basic(ACCOUNT, "tok"), "To=%zz&Body=x");
    assertEquals(400, answer.status());
    assertTrue(answer.body().startsWith("{\"code\":20001,\"message\":\"Malformed form"));
  }

  @Test
  void jsonStringsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\\u0001\\u000A\\u001Fé\"", JsonText.quote("a\"b\\c\u0001\n\u001Fé"));
    assertEquals("null", JsonText.quote(null));
  }

  private static final String NUMBERS = "/2010-04-01/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers";
  private static final Pattern DATES =
      Pattern.compile("\"date_created\":\"([^\"]+)\",\"date_updated\":\"([^\"]+)\"");

  /** A number resource as the fake writes it (dates as given). */
  private static String number(
      String sid,
      String phone,
      String voiceUrl,
      String voiceMethod,
      String smsUrl,
      String smsMethod,
      String statusCallback,
      String statusCallbackMethod,
      String created,
      String updated) {
    return "{\"sid\":\""
        + sid
        + "\",\"account_sid\":\""
        + ACCOUNT
        + "\",\"friendly_name\":\""
        + phone
        + "\",\"phone_number\":\""
        + phone
        + "\",\"api_version\":\"2010-04-01\",\"voice_url\":\""
        + voiceUrl
        + "\",\"voice_method\":\""
        + voiceMethod
        + "\",\"voice_fallback_url\":\"\",\"voice_fallback_method\":\"POST\","
        + "\"voice_application_sid\":null,\"sms_url\":\""
        + smsUrl
        + "\",\"sms_method\":\""
        + smsMethod
        + "\",\"sms_fallback_url\":\"\",\"sms_fallback_method\":\"POST\","
        + "\"sms_application_sid\":null,\"status_callback\":\""
        + statusCallback
        + "\",\"status_callback_method\":\""
        + statusCallbackMethod
        + "\",\"uri\":\""
        + NUMBERS
        + "/"
        + sid
        + ".json\",\"date_created\":\""
        + created
        + "\",\"date_updated\":\""
        + updated
        + "\"}";
  }

  @Test
  void numbersAreListedByPhoneNumberAsTwilioListsThem() throws Exception {
    String alice =
        fake.number(ALICE, "https://old.example.com/voice", "https://old.example.com/sms");
    String bob = fake.number(BOB);
    assertTrue(alice.matches("PN[0-9a-f]{32}"), alice);

    HttpResponse<String> exact = get(NUMBERS + ".json?PhoneNumber=%2B15551230001");
    assertEquals(200, exact.statusCode());
    Matcher dates = DATES.matcher(exact.body());
    assertTrue(dates.find(), exact.body());
    assertTrue(TWILIO_DATE.matcher(dates.group(1)).matches(), dates.group(1));
    String uri = NUMBERS + ".json?PhoneNumber=%2B15551230001&PageSize=50&Page=0";
    assertEquals(
        "{\"incoming_phone_numbers\":["
            + number(
                alice,
                ALICE,
                "https://old.example.com/voice",
                "POST",
                "https://old.example.com/sms",
                "POST",
                "",
                "POST",
                dates.group(1),
                dates.group(2))
            + "],\"page\":0,\"page_size\":50,\"first_page_uri\":\""
            + uri
            + "\",\"next_page_uri\":null,\"previous_page_uri\":null,\"uri\":\""
            + uri
            + "\"}",
        exact.body());

    // a part of a number matches, * is any digit: the client must pick the exact number
    assertEquals(List.of(alice, bob), numberSids(get(NUMBERS + ".json?PhoneNumber=555123000*")));
    assertEquals(List.of(bob), numberSids(get(NUMBERS + ".json?PhoneNumber=0002")));
    assertEquals(List.of(), numberSids(get(NUMBERS + ".json?PhoneNumber=%2B19999999999")));
    assertEquals(List.of(alice, bob), numberSids(get(NUMBERS + ".json")));
    assertEquals(List.of(bob), numberSids(get(NUMBERS + ".json?PageSize=1&Page=1")));

    try (Jsonb jsonb = JsonbBuilder.create()) {
      IncomingNumberPage page = jsonb.fromJson(exact.body(), IncomingNumberPage.class);
      assertEquals(
          List.of(
              new IncomingNumber(
                  alice,
                  ACCOUNT,
                  ALICE,
                  "https://old.example.com/voice",
                  "POST",
                  "https://old.example.com/sms",
                  "POST",
                  "",
                  "POST",
                  null,
                  null)),
          page.numbers(),
          "the server's records read what the fake writes");
    }
  }

  private static List<String> numberSids(HttpResponse<String> list) {
    assertEquals(200, list.statusCode(), list.body());
    List<String> sids = new ArrayList<>();
    Matcher matcher = Pattern.compile("\"sid\":\"(PN[0-9a-f]{32})\"").matcher(list.body());
    while (matcher.find()) {
      sids.add(matcher.group(1));
    }
    return sids;
  }

  @Test
  void anUpdateSetsTheGivenWebhooksAndAnswersTheNumber() throws Exception {
    String sid = fake.number(ALICE, "https://old.example.com/voice", "");
    TwilioNumber before = fake.incomingNumber(ALICE);

    HttpResponse<String> updated =
        post(
            NUMBERS + "/" + sid + ".json",
            basic(ACCOUNT, "tok"),
            form(
                "VoiceUrl", "https://voice.example.com/twilio/inbound_call",
                "VoiceMethod", "get",
                "StatusCallback", "https://voice.example.com/twilio/call_status",
                "FriendlyName", "ignored"));

    assertEquals(200, updated.statusCode());
    TwilioNumber now = fake.incomingNumber(ALICE);
    assertEquals(
        new TwilioNumber(
            sid,
            ALICE,
            "https://voice.example.com/twilio/inbound_call",
            "GET",
            "",
            "POST",
            "https://voice.example.com/twilio/call_status",
            "POST",
            before.created(),
            now.updated()),
        now);
    Matcher dates = DATES.matcher(updated.body());
    assertTrue(dates.find(), updated.body());
    assertEquals(
        number(
            sid,
            ALICE,
            "https://voice.example.com/twilio/inbound_call",
            "GET",
            "",
            "POST",
            "https://voice.example.com/twilio/call_status",
            "POST",
            dates.group(1),
            dates.group(2)),
        updated.body());
    assertEquals(updated.body(), get(NUMBERS + "/" + sid + ".json").body(), "read back");

    // an empty URL clears it; an empty method keeps the one there
    post(
        NUMBERS + "/" + sid + ".json",
        basic(ACCOUNT, "tok"),
        form("VoiceUrl", "", "VoiceMethod", "", "StatusCallback", ""));
    TwilioNumber cleared = fake.incomingNumber(ALICE);
    assertEquals("", cleared.voiceUrl());
    assertEquals("GET", cleared.voiceMethod());
    assertEquals("", cleared.statusCallback());

    TwilioNumber set = fake.updateNumber(sid, form("SmsUrl", "https://x.example.com/sms"));
    assertEquals("https://x.example.com/sms", set.smsUrl());
    assertEquals(set, fake.incomingNumber(ALICE));
    assertEquals(List.of(set), fake.incomingNumbers());
  }

  @Test
  void anUnknownNumberIsNotFoundAndCredentialsAreChecked() throws Exception {
    fake.number(ALICE);
    String unknown = NUMBERS + "/PN00000000000000000000000000000000.json";
    HttpResponse<String> update =
        post(unknown, basic(ACCOUNT, "tok"), form("VoiceUrl", "https://x.example.com"));
    assertEquals(404, update.statusCode());
    assertEquals(
        error(20404, "The requested resource " + unknown + " was not found", 404), update.body());
    assertEquals(404, get(unknown).statusCode());
    assertEquals(404, post(NUMBERS + ".json", basic(ACCOUNT, "tok"), form()).statusCode());

    HttpResponse<String> wrong =
        client.send(
            HttpRequest.newBuilder(URI.create(fake.url() + NUMBERS + ".json"))
                .header("Authorization", basic(ACCOUNT, "nope"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, wrong.statusCode());
    assertEquals(error(20003, "Authenticate", 401), wrong.body());
    assertThrows(IllegalArgumentException.class, () -> fake.updateNumber("PN0", form()));
    assertThrows(IllegalArgumentException.class, () -> fake.incomingNumber(BOB));
  }

  @Test
  void aNumberIsGivenOnceAndInE164() {
    fake.number(ALICE);
    assertEquals(
        "the fake has +15551230001 already",
        assertThrows(IllegalArgumentException.class, () -> fake.number(ALICE)).getMessage());
    assertEquals(
        "not an E.164 number: 555-1234",
        assertThrows(IllegalArgumentException.class, () -> fake.number("555-1234")).getMessage());
    assertEquals(1, fake.incomingNumbers().size());
  }

  @Test
  void anAccountOfItsOwnChecksAndSignsWithItsOwnToken() throws Exception {
    String other = "AC99999999999999999999999999999999";
    String otherMessages = "/2010-04-01/Accounts/" + other + "/Messages.json";
    String otherCalls = "/2010-04-01/Accounts/" + other + "/Calls.json";
    fake.account(other, "other-token");
    String callback = serverUrl("/status");
    Map<String, String> hi =
        form("To", ALICE, "From", US, "Body", "Hi", "StatusCallback", callback);

    assertEquals(401, post(otherMessages, basic(other, "tok"), hi).statusCode());
    assertEquals(401, post(MESSAGES, basic(ACCOUNT, "other-token"), hi).statusCode());
    assertEquals(List.of(), fake.texts());
    assertEquals(201, post(otherMessages, basic(other, "other-token"), hi).statusCode());
    assertEquals(
        201,
        post(MESSAGES, basic(ACCOUNT, "tok"), form("To", BOB, "From", US, "Body", "Hi"))
            .statusCode());

    Received status = received.poll(5, TimeUnit.SECONDS);
    assertNotNull(status, "no status callback");
    Map<String, List<String>> params = Form.decode(status.body());
    assertEquals(List.of(other), params.get("AccountSid"));
    assertEquals(Signature.of("other-token", callback, params), status.signature());

    HttpResponse<String> placed =
        post(
            otherCalls,
            basic(other, "other-token"),
            form("To", ALICE, "From", US, "Url", "https://x.test/a", "StatusCallback", callback));
    assertEquals(201, placed.statusCode());
    Exchange completed = fake.callStatus(group(SID, placed.body()), "completed", 3).orElseThrow();
    assertEquals(
        Signature.of("other-token", callback, Form.of(completed.params())),
        receivedCall().signature(),
        "a call's status callback is signed with its account's token too");
    assertThrows(IllegalArgumentException.class, () -> fake.account(other, ""));
  }

  /** The next callback the loopback server received that reported a call's status. */
  private Received receivedCall() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Received next = received.poll(100, TimeUnit.MILLISECONDS);
      if (next != null && Form.decode(next.body()).containsKey("CallStatus")) {
        return next;
      }
    }
    throw new AssertionError("no call status callback");
  }

  @Test
  void withASharedKeyStatusCallbacksAreSignedWithItForEveryAccount() throws Exception {
    String other = "AC99999999999999999999999999999999";
    fake.account(other, "other-token").sharedKey("KS00000000000000000000000000000001", "k-secret");
    String callback = serverUrl("/status");
    Map<String, String> hi =
        form("To", ALICE, "From", US, "Body", "Hi", "StatusCallback", callback);
    // the server still authenticates with the accounts' tokens
    assertEquals(201, post(MESSAGES, basic(ACCOUNT, "tok"), hi).statusCode());
    Received status = received.poll(5, TimeUnit.SECONDS);
    assertNotNull(status, "no status callback");
    assertEquals("key=KS00000000000000000000000000000001,algorithm=HMAC_SHA256", status.settings());
    Map<String, List<String>> params = Form.decode(status.body());
    assertEquals(hmacSha256("k-secret", signedText(callback, params)), status.signature());

    received.clear();
    fake.messagesStayQueued();
    String otherCalls = "/2010-04-01/Accounts/" + other + "/Calls.json";
    HttpResponse<String> placed =
        post(
            otherCalls,
            basic(other, "other-token"),
            form("To", ALICE, "From", US, "Url", "https://x.test/a", "StatusCallback", callback));
    assertEquals(201, placed.statusCode());
    Exchange completed = fake.callStatus(group(SID, placed.body()), "completed", 3).orElseThrow();
    Received call = receivedCall();
    assertEquals("key=KS00000000000000000000000000000001,algorithm=HMAC_SHA256", call.settings());
    assertEquals(
        hmacSha256("k-secret", signedText(callback, Form.of(completed.params()))),
        call.signature(),
        "another account's call is signed with the key too, not its token");
  }

  /** The text Twilio signs, built here apart from the kit: URL, then sorted names and values. */
  private static String signedText(String url, Map<String, List<String>> params) {
    StringBuilder text = new StringBuilder(url);
    new java.util.TreeMap<>(params)
        .forEach(
            (name, values) -> values.stream().sorted().forEach(v -> text.append(name).append(v)));
    return text.toString();
  }

  private static String hmacSha256(String secret, String text) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void messagesThatStayQueuedMakeNoCallbacks() throws Exception {
    fake.messagesStayQueued();
    String sid =
        group(
            SID,
            send(form("To", ALICE, "From", US, "Body", "Hi", "StatusCallback", serverUrl("/s")))
                .body());

    // with a status delay of 5 ms, three callbacks would have come by now
    assertNull(received.poll(300, TimeUnit.MILLISECONDS));
    assertEquals(List.of(), fake.callbacks());
    assertEquals("queued", fake.texts().get(0).status());
    assertEquals(List.of(sid), sids(get(MESSAGES).body()));
    assertTrue(get(MESSAGES).body().contains("\"status\":\"queued\""));
    assertThrows(
        AssertionError.class, () -> fake.awaitTextStatus(sid, "sent", Duration.ofMillis(50)));
  }

  @Test
  void aLaggingListShowsWhatWasAcceptedOnlyAfterTheLag() throws Exception {
    Duration lag = Duration.ofMillis(1000);
    fake.listLag(lag);
    long start = System.nanoTime();
    String text = group(SID, send(form("To", ALICE, "From", US, "Body", "eventually")).body());
    String call =
        group(
            SID,
            post(
                    CALLS,
                    basic(ACCOUNT, "tok"),
                    form("To", BOB, "From", US, "Url", "https://x.test/a"))
                .body());

    assertEquals(List.of(), sids(get(MESSAGES).body()));
    assertEquals(List.of(), sids(get(CALLS).body()));
    assertEquals(List.of(), sids(get(MESSAGES + "?To=%2B15551230001").body()));
    // only the lists lag: the phone has them at once
    assertEquals(text, fake.awaitText(ALICE, WAIT).sid());
    assertEquals(call, fake.awaitCall(BOB, WAIT).sid());

    List<String> listed = List.of();
    while (listed.isEmpty() && System.nanoTime() - start < WAIT.toNanos()) {
      Thread.sleep(20);
      listed = sids(get(MESSAGES).body());
    }
    long waited = System.nanoTime() - start;
    assertEquals(List.of(text), listed);
    assertTrue(waited >= lag.toNanos(), "listed after " + waited / 1_000_000 + " ms");
    assertEquals(List.of(call), sids(get(CALLS).body()));

    fake.reset(); // the lag goes with it
    String next = group(SID, send(form("To", ALICE, "From", US, "Body", "at once")).body());
    assertEquals(List.of(next), sids(get(MESSAGES).body()));
    assertThrows(IllegalArgumentException.class, () -> fake.listLag(Duration.ofMillis(-1)));
  }

  @Test
  void theCoreRecordsAndTakesScriptsWithoutAServer() {
    try (FakeTwilio core = FakeTwilio.create("secret")) {
      core.nextPost(
          FakeTwilio.Scripted.answer(429, "{\"status\":429}").withHeader("Retry-After", "2"));
      FakeTwilio.Answer throttled =
          core.handle("POST", MESSAGES, null, basic(ACCOUNT, "secret"), "To=%2B15551230001");
      assertEquals(
          new FakeTwilio.Answer(
              429, FakeTwilio.JSON, "{\"status\":429}", Map.of("Retry-After", "2")),
          throttled);
      FakeTwilio.Answer refused = core.handle("GET", MESSAGES, "PageSize=1", null, null);
      assertEquals(401, refused.status());
      assertEquals(Map.of("WWW-Authenticate", "Basic realm=\"Twilio API\""), refused.headers());

      assertEquals(
          List.of(
              new FakeTwilio.Request(
                  "POST",
                  MESSAGES,
                  null,
                  Map.of("Authorization", List.of(basic(ACCOUNT, "secret"))),
                  "To=%2B15551230001"),
              new FakeTwilio.Request("GET", MESSAGES, "PageSize=1", Map.of(), "")),
          core.requests());
      assertEquals(List.of(), core.texts());
      assertThrows(IllegalStateException.class, core::closePort);
      core.recordRequests(false);
      core.handle("GET", MESSAGES, null, basic(ACCOUNT, "secret"), null);
      assertEquals(2, core.requests().size(), "not recorded once turned off");
    }
  }

  private HttpResponse<String> plain(String url, String method) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void standaloneCountsMessagesAndRepeatsAndTakesItsDelay() throws Exception {
    try (FakeTwilio alone = Standalone.start("tok", 0, Duration.ofMillis(1000))) {
      String base = alone.url();
      assertEquals("0\n", plain(base + "/count", "GET").body());
      Map<String, String> hi = form("To", ALICE, "From", US, "Body", "hi");
      HttpRequest.Builder send =
          HttpRequest.newBuilder(URI.create(base + MESSAGES))
              .header("Authorization", basic(ACCOUNT, "tok"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(Form.encode(Form.of(hi))));
      long start = System.nanoTime();
      assertEquals(
          201, client.send(send.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1000));
      assertEquals("1\n", plain(base + "/count", "GET").body());

      HttpResponse<String> faster = plain(base + "/delay?ms=0", "POST");
      assertEquals(200, faster.statusCode());
      assertEquals("0\n", faster.body());
      start = System.nanoTime();
      assertEquals(
          201, client.send(send.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000));
      String other = Form.encode(Form.of(form("To", BOB, "From", US, "Body", "hi")));
      assertEquals(
          201,
          client
              .send(
                  send.POST(HttpRequest.BodyPublishers.ofString(other)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode());
      assertEquals("3\n", plain(base + "/count", "GET").body());
      assertEquals("1\n", plain(base + "/duplicates", "GET").body(), "the second hi to Alice");

      // messages stay queued and are listed (a lost answer would be reconciled); nothing recorded
      HttpResponse<String> listed =
          client.send(
              HttpRequest.newBuilder(URI.create(base + MESSAGES + "?To=%2B15551230001"))
                  .header("Authorization", basic(ACCOUNT, "tok"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(2, sids(listed.body()).size(), listed.body());
      assertFalse(listed.body().contains("\"status\":\"sent\""), listed.body());
      assertEquals(List.of(), alone.requests());
      assertEquals("3\n", plain(base + "/count", "GET").body(), "a list is no message");

      assertEquals(400, plain(base + "/delay?ms=soon", "POST").statusCode());
      assertEquals(400, plain(base + "/delay?ms=-1", "POST").statusCode());
      assertEquals(404, plain(base + "/delay", "GET").statusCode());
      assertEquals(404, plain(base + "/count", "POST").statusCode());
      assertEquals(404, plain(base + "/counts", "GET").statusCode());
    }
  }

  /**
   * The fake as the integration tests use it against a server (shared by a test class, reset before
   * each test, sequential SIDs, messages left queued): it keeps what it accepted, lists it, answers
   * slowly or as scripted, and records each request as it arrived.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class AsTheServersTestsUseIt {
    static final String AC1 = "AC00000000000000000000000000000001";
    static final String AC2 = "AC00000000000000000000000000000002";
    static final String SM1 = "SM00000000000000000000000000000001";
    static final String SM2 = "SM00000000000000000000000000000002";
    static final String SM3 = "SM00000000000000000000000000000003";
    static final String CA4 = "CA00000000000000000000000000000004";
    static final String SM5 = "SM00000000000000000000000000000005";

    final FakeTwilio twilio = FakeTwilio.start("tok").sequentialSids().messagesStayQueued();
    final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void reset() {
      twilio.reset();
    }

    @AfterAll
    void stop() {
      twilio.close();
    }

    private static String messages(String account) {
      return "/2010-04-01/Accounts/" + account + "/Messages.json";
    }

    private static String calls(String account) {
      return "/2010-04-01/Accounts/" + account + "/Calls.json";
    }

    /** The account of a path below {@code /2010-04-01/Accounts/}, for its credentials. */
    private static String accountOf(String path) {
      return path.split("/")[3];
    }

    private HttpRequest.Builder post(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return HttpRequest.newBuilder(URI.create(twilio.url() + path))
          .header("Authorization", basic(accountOf(path), "tok"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sms(String account, String to, String from, String body)
        throws Exception {
      return send(post(messages(account), Map.of("To", to, "From", from, "Body", body)));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
      return send(
          HttpRequest.newBuilder(URI.create(twilio.url() + pathAndQuery))
              .header("Authorization", basic(accountOf(pathAndQuery), "tok"))
              .GET());
    }

    /** The JSON of a queued message as the fake shows it, in a create's answer and in lists. */
    private static String messageJson(
        String sid, String account, String to, String from, String body, String date) {
      return "{\"sid\":\""
          + sid
          + "\",\"account_sid\":\""
          + account
          + "\",\"to\":\""
          + to
          + "\",\"from\":\""
          + from
          + "\",\"messaging_service_sid\":null,\"body\":\""
          + body
          + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"num_media\":\"0\","
          + "\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\",\"price\":null,"
          + "\"price_unit\":\"USD\",\"error_code\":null,\"error_message\":null,"
          + "\"uri\":\"/2010-04-01/Accounts/"
          + account
          + "/Messages/"
          + sid
          + ".json\",\"date_created\":\""
          + date
          + "\",\"date_updated\":\""
          + date
          + "\",\"date_sent\":null}";
    }

    /** The JSON of a queued call as the fake shows it. */
    private static String callJson(
        String sid, String account, String to, String from, String date) {
      return "{\"sid\":\""
          + sid
          + "\",\"account_sid\":\""
          + account
          + "\",\"to\":\""
          + to
          + "\",\"from\":\""
          + from
          + "\",\"status\":\"queued\",\"direction\":\"outbound-api\","
          + "\"api_version\":\"2010-04-01\",\"parent_call_sid\":null,\"price\":null,"
          + "\"price_unit\":\"USD\",\"uri\":\"/2010-04-01/Accounts/"
          + account
          + "/Calls/"
          + sid
          + ".json\",\"date_created\":\""
          + date
          + "\",\"date_updated\":\""
          + date
          + "\"}";
    }

    /** A list page as the fake writes it, {@code uri} the page's (filters, size and number). */
    private static String page(String member, List<String> items, int pageSize, String uri) {
      return "{\""
          + member
          + "\":["
          + String.join(",", items)
          + "],\"page\":0,\"page_size\":"
          + pageSize
          + ",\"first_page_uri\":\""
          + uri
          + "\",\"next_page_uri\":null,\"previous_page_uri\":null,\"uri\":\""
          + uri
          + "\"}";
    }

    /** When the fake accepted message or call {@code sid}, as Twilio writes a date. */
    private String date(String sid) {
      return RestJson.date(created(sid));
    }

    private Instant created(String sid) {
      return Stream.concat(
              twilio.texts().stream().filter(t -> t.sid().equals(sid)).map(SentText::created),
              twilio.calls().stream().filter(c -> c.sid().equals(sid)).map(RingingCall::created))
          .findFirst()
          .orElseThrow(() -> new AssertionError("the fake has no " + sid));
    }

    @Test
    void aSlowAnswerIsAcceptedAtArrivalAndListedAfterTheClientGaveUp() throws Exception {
      twilio.slowDown(Duration.ofMillis(1500));
      OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
      HttpRequest impatient =
          post(messages(AC1), Map.of("To", "+15550001", "From", "+15559999", "Body", "hi there"))
              .timeout(Duration.ofMillis(300))
              .build();
      assertThrows(
          HttpTimeoutException.class,
          () -> http.send(impatient, HttpResponse.BodyHandlers.ofString()));
      OffsetDateTime after = OffsetDateTime.now();

      // kept when it arrived, while its answer is still being held back
      List<SentText> accepted = twilio.texts();
      assertEquals(1, accepted.size());
      Instant created = accepted.get(0).created();
      assertEquals(
          new SentText(
              SM1,
              AC1,
              "+15559999",
              "+15550001",
              null,
              "hi there",
              List.of(),
              null,
              "queued",
              created,
              created,
              null),
          accepted.get(0));
      assertEquals(List.of(), twilio.calls());
      String date = date(SM1);
      assertTrue(
          date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"),
          date);
      OffsetDateTime createdAt = new TwilioDate().adaptFromJson(date);
      assertFalse(createdAt.isBefore(before) || createdAt.isAfter(after), date);

      // the list is not slowed down (a slow create is what is simulated), and shows the message
      long start = System.nanoTime();
      HttpResponse<String> list = get(messages(AC1) + "?To=%2B15550001&PageSize=20");
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000));
      assertEquals(200, list.statusCode());
      assertEquals(
          page(
              "messages",
              List.of(messageJson(SM1, AC1, "+15550001", "+15559999", "hi there", date)),
              20,
              messages(AC1) + "?To=%2B15550001&PageSize=20&Page=0"),
          list.body());

      twilio.reset();
      HttpResponse<String> fast = sms(AC1, "+15550001", "+15559999", "fast");
      assertEquals(201, fast.statusCode());
    }

    @Test
    void aCreateIsAnsweredWithTheResourceItKept() throws Exception {
      HttpResponse<String> created = sms(AC1, "+15550001", "+15559999", "say \"hi\"");
      assertEquals(201, created.statusCode());
      assertEquals(FakeTwilio.JSON, created.headers().firstValue("Content-Type").orElse(null));
      assertEquals(
          messageJson(SM1, AC1, "+15550001", "+15559999", "say \\\"hi\\\"", date(SM1)),
          created.body());

      HttpResponse<String> call =
          send(
              post(
                  calls(AC1),
                  Map.of("To", "+15550001", "From", "+15559999", "Url", "https://h/twilio/x")));
      assertEquals(201, call.statusCode());
      String ca2 = "CA00000000000000000000000000000002";
      assertEquals(callJson(ca2, AC1, "+15550001", "+15559999", date(ca2)), call.body());
      Instant placed = created(ca2);
      assertEquals(
          List.of(
              new RingingCall(
                  ca2,
                  AC1,
                  "+15559999",
                  "+15550001",
                  "https://h/twilio/x",
                  "POST",
                  null,
                  null,
                  List.of(),
                  "POST",
                  "queued",
                  placed,
                  placed)),
          twilio.calls());
      assertEquals(List.of(SM1), twilio.texts().stream().map(SentText::sid).toList());
    }

    @Test
    void acceptedThenKeepsTheMessageButAnswersTheScriptedError() throws Exception {
      String error = "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}";
      twilio.nextPost(FakeTwilio.Scripted.acceptedThen(500, error));
      twilio.nextPost(400, "{\"code\":21211,\"message\":\"bad To\",\"status\":400}");

      HttpResponse<String> lost = sms(AC1, "+15550001", "+15559999", "lost answer");
      assertEquals(500, lost.statusCode());
      assertEquals(error, lost.body());
      HttpResponse<String> refused = sms(AC1, "123", "+15559999", "refused");
      assertEquals(400, refused.statusCode());
      assertEquals("{\"code\":21211,\"message\":\"bad To\",\"status\":400}", refused.body());
      HttpResponse<String> next = sms(AC1, "+15550002", "+15559999", "next");
      assertEquals(201, next.statusCode());

      // the refused one took no SID and is not kept
      assertEquals(List.of(SM1, SM2), twilio.texts().stream().map(SentText::sid).toList());
      assertEquals("lost answer", twilio.texts().get(0).body());
      assertEquals(
          page(
              "messages",
              List.of(
                  messageJson(SM2, AC1, "+15550002", "+15559999", "next", date(SM2)),
                  messageJson(SM1, AC1, "+15550001", "+15559999", "lost answer", date(SM1))),
              50,
              messages(AC1) + "?PageSize=50&Page=0"),
          get(messages(AC1)).body());
      assertEquals(3, twilio.posts().size());
    }

    @Test
    void listsFilterByAccountToAndFromNewestFirst() throws Exception {
      sms(AC1, "+15550001", "+15559999", "one");
      sms(AC1, "+15550002", "+15559999", "two");
      sms(AC1, "+15550001", "+15558888", "three");
      send(
          post(
              calls(AC1),
              Map.of("To", "+15550001", "From", "+15559999", "Url", "https://h/twilio/x")));
      sms(AC2, "+15550001", "+15559999", "other account");

      assertEquals(List.of(SM3, SM2, SM1), sids(get(messages(AC1)).body()));
      assertEquals(List.of(SM3, SM1), sids(get(messages(AC1) + "?To=%2B15550001").body()));
      assertEquals(List.of(SM2, SM1), sids(get(messages(AC1) + "?From=%2B15559999").body()));
      assertEquals(
          List.of(SM1), sids(get(messages(AC1) + "?To=%2B15550001&From=%2B15559999").body()));
      assertEquals(List.of(SM5), sids(get(messages(AC2) + "?To=%2B15550001").body()));
      assertEquals(List.of(CA4), sids(get(calls(AC1) + "?To=%2B15550001").body()));
      assertEquals(List.of(), sids(get(calls(AC2)).body()));
      // an unencoded + is a space to a server, as to Twilio: it matches no number
      assertEquals(List.of(), sids(get(messages(AC1) + "?To=+15550001").body()));

      String firstOnly = get(messages(AC1) + "?PageSize=1").body();
      assertEquals(List.of(SM3), sids(firstOnly));
      assertTrue(
          firstOnly.contains(
              "\"page\":0,\"page_size\":1,\"first_page_uri\":\""
                  + messages(AC1)
                  + "?PageSize=1&Page=0\",\"next_page_uri\":\""
                  + messages(AC1)
                  + "?PageSize=1&Page=1\","),
          firstOnly);

      HttpResponse<String> calls = get(calls(AC1));
      assertEquals(
          page(
              "calls",
              List.of(callJson(CA4, AC1, "+15550001", "+15559999", date(CA4))),
              50,
              calls(AC1) + "?PageSize=50&Page=0"),
          calls.body());

      assertEquals(404, get("/2010-04-01/Accounts/" + AC1 + "/Nothing.json").statusCode());
      assertEquals(400, get(messages(AC1) + "?PageSize=many").statusCode());
    }

    @Test
    void scriptedAnswersAreForPostsOnly() throws Exception {
      twilio.nextPost(
          FakeTwilio.Scripted.answer(429, "{\"code\":20429,\"status\":429}")
              .withHeader("Retry-After", "3"));
      HttpResponse<String> list = get(messages(AC1) + "?To=%2B15550001&From=%2B15559999");
      assertEquals(200, list.statusCode());
      HttpResponse<String> throttled = sms(AC1, "+15550001", "+15559999", "x");
      assertEquals(429, throttled.statusCode());
      assertEquals("3", throttled.headers().firstValue("Retry-After").orElse(null));
      assertEquals(201, sms(AC1, "+15550001", "+15559999", "x").statusCode());

      List<FakeTwilio.Request> requests = twilio.requests();
      assertEquals(List.of("GET", "POST", "POST"), requests.stream().map(r -> r.method()).toList());
      FakeTwilio.Request get = requests.get(0);
      assertEquals(messages(AC1), get.path());
      assertEquals("To=%2B15550001&From=%2B15559999", get.query());
      assertEquals(
          Map.of("To", List.of("+15550001"), "From", List.of("+15559999")), get.queryParams());
      assertEquals("", get.body());
      assertEquals(basic(AC1, "tok"), get.header("authorization"));
      assertEquals(requests.subList(1, 3), twilio.posts());
      assertNull(twilio.posts().get(0).query());
      assertEquals(
          Map.of("To", List.of("+15550001"), "From", List.of("+15559999"), "Body", List.of("x")),
          twilio.posts().get(0).form());
      assertEquals(
          "application/x-www-form-urlencoded", twilio.posts().get(0).header("Content-Type"));
    }

    @Test
    void listAnswersAreScriptedApartAndForGetsOnly() throws Exception {
      twilio.nextList(FakeTwilio.Scripted.answer(503, "{\"status\":503}"));
      assertEquals(201, sms(AC1, "+15550001", "+15559999", "x").statusCode());
      HttpResponse<String> failed = get(messages(AC1));
      assertEquals(503, failed.statusCode());
      assertEquals("{\"status\":503}", failed.body());
      HttpResponse<String> listed = get(messages(AC1));
      assertEquals(200, listed.statusCode());
      assertEquals(List.of(SM1), sids(listed.body()));
    }

    @Test
    void aSlowAnswerHoldsUpNoOther() throws Exception {
      twilio.nextPost(FakeTwilio.Scripted.answer(201, "{}").after(Duration.ofMillis(3000)));
      CompletableFuture<HttpResponse<String>> slow =
          http.sendAsync(
              post(messages(AC1), Map.of("To", "+1", "From", "+2", "Body", "slow")).build(),
              HttpResponse.BodyHandlers.ofString());
      while (twilio.requests().isEmpty()) {
        Thread.sleep(10);
      }
      long start = System.nanoTime();
      assertEquals(201, sms(AC1, "+15550001", "+15559999", "quick").statusCode());
      assertEquals(200, get(messages(AC1)).statusCode());
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2000));
      assertFalse(slow.isDone());
      assertEquals("{}", slow.get(10, TimeUnit.SECONDS).body());
    }

    @Test
    void resetForgetsEverythingAndTheSlowDown() throws Exception {
      twilio.slowDown(Duration.ofMillis(5000));
      twilio.nextPost(500, "{}");
      twilio.nextList(FakeTwilio.Scripted.answer(500, "{}"));
      twilio.reset();
      long start = System.nanoTime();
      HttpResponse<String> created = sms(AC1, "+15550001", "+15559999", "after reset");
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2000));
      assertEquals(201, created.statusCode());
      assertTrue(created.body().startsWith("{\"sid\":\"" + SM1 + "\""), created.body());
      assertEquals(200, get(messages(AC1)).statusCode());
      twilio.reset();
      assertEquals(List.of(), twilio.requests());
      assertEquals(List.of(), twilio.posts());
      assertEquals(List.of(), twilio.texts());
      assertEquals(List.of(), twilio.calls());
    }

    @Test
    void aClosedPortRefusesUntilReopened() throws Exception {
      twilio.closePort();
      try {
        IOException refused =
            assertThrows(IOException.class, () -> sms(AC1, "+15550001", "+15559999", "x"));
        assertTrue(
            refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
            refused.toString());
      } finally {
        twilio.reopenPort();
      }
      assertEquals(201, sms(AC1, "+15550001", "+15559999", "x").statusCode());
      assertEquals(List.of(SM1), twilio.texts().stream().map(r -> r.sid()).toList());
    }
  }
}
