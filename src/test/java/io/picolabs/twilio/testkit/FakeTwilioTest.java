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
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
  private record Received(String method, String path, String signature, String body) {}

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
}
