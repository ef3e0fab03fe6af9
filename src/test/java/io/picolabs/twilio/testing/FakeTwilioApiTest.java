package io.picolabs.twilio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.rest.TwilioDate;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Twilio the ITs send to: it keeps what it accepted, lists it, and answers slowly. */
class FakeTwilioApiTest {
  static final FakeTwilioApi TWILIO = FakeTwilioApi.start();
  static final String AC1 = "AC00000000000000000000000000000001";
  static final String AC2 = "AC00000000000000000000000000000002";
  static final String SM1 = "SM00000000000000000000000000000001";
  static final String SM2 = "SM00000000000000000000000000000002";
  static final String SM3 = "SM00000000000000000000000000000003";
  static final String CA4 = "CA00000000000000000000000000000004";
  static final String SM5 = "SM00000000000000000000000000000005";

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeEach
  void reset() {
    TWILIO.reset();
  }

  @AfterAll
  static void stop() {
    TWILIO.close();
  }

  private static String messages(String account) {
    return "/2010-04-01/Accounts/" + account + "/Messages.json";
  }

  private static String calls(String account) {
    return "/2010-04-01/Accounts/" + account + "/Calls.json";
  }

  private static HttpRequest.Builder post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create(TWILIO.url() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> sms(String account, String to, String from, String body)
      throws Exception {
    return send(post(messages(account), Map.of("To", to, "From", from, "Body", body)));
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(TWILIO.url() + pathAndQuery)).GET());
  }

  /** The JSON of a message as the fake shows it, in a create's answer and in lists. */
  private static String messageJson(
      String sid, String account, String to, String from, String body, String date) {
    return "{\"sid\":\""
        + sid
        + "\",\"account_sid\":\""
        + account
        + "\",\"status\":\"queued\",\"to\":\""
        + to
        + "\",\"from\":\""
        + from
        + "\",\"date_created\":\""
        + date
        + "\",\"date_updated\":\""
        + date
        + "\",\"body\":\""
        + body
        + "\",\"num_segments\":\"1\",\"num_media\":\"0\",\"direction\":\"outbound-api\","
        + "\"error_code\":null,\"error_message\":null,\"date_sent\":null}";
  }

  private static String date(String sid) {
    return TWILIO.accepted().stream()
        .filter(r -> r.sid().equals(sid))
        .findFirst()
        .orElseThrow()
        .dateCreated();
  }

  @Test
  void aSlowAnswerIsAcceptedAtArrivalAndListedAfterTheClientGaveUp() throws Exception {
    TWILIO.slowDown(1500);
    OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    HttpRequest impatient =
        post(messages(AC1), Map.of("To", "+15550001", "From", "+15559999", "Body", "hi there"))
            .timeout(Duration.ofMillis(300))
            .build();
    assertThrows(
        HttpTimeoutException.class,
        () -> CLIENT.send(impatient, HttpResponse.BodyHandlers.ofString()));
    OffsetDateTime after = OffsetDateTime.now();

    // kept when it arrived, while its answer is still being held back
    List<FakeTwilioApi.Resource> accepted = TWILIO.accepted();
    assertEquals(1, accepted.size());
    String date = accepted.get(0).dateCreated();
    assertEquals(
        new FakeTwilioApi.Resource(
            SM1, AC1, "+15550001", "+15559999", "hi there", 0, null, "queued", date),
        accepted.get(0));
    assertTrue(
        date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"),
        date);
    OffsetDateTime created = new TwilioDate().adaptFromJson(date);
    assertFalse(created.isBefore(before) || created.isAfter(after), date);

    // the list is not slowed down (a slow create is what is simulated), and shows the message
    long start = System.nanoTime();
    HttpResponse<String> list = get(messages(AC1) + "?To=%2B15550001&PageSize=20");
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000));
    assertEquals(200, list.statusCode());
    assertEquals(
        "{\"messages\":["
            + messageJson(SM1, AC1, "+15550001", "+15559999", "hi there", date)
            + "],\"end\":0,\"first_page_uri\":\""
            + messages(AC1)
            + "?To=%2B15550001&PageSize=20\",\"next_page_uri\":null,\"page\":0,\"page_size\":20,"
            + "\"previous_page_uri\":null,\"start\":0,\"uri\":\""
            + messages(AC1)
            + "?To=%2B15550001&PageSize=20\"}",
        list.body());

    TWILIO.reset();
    HttpResponse<String> fast = sms(AC1, "+15550001", "+15559999", "fast");
    assertEquals(201, fast.statusCode());
  }

  @Test
  void aCreateIsAnsweredWithTheResourceItKept() throws Exception {
    HttpResponse<String> created = sms(AC1, "+15550001", "+15559999", "say \"hi\"");
    assertEquals(201, created.statusCode());
    assertEquals("application/json", created.headers().firstValue("Content-Type").orElse(null));
    assertEquals(
        messageJson(SM1, AC1, "+15550001", "+15559999", "say \\\"hi\\\"", date(SM1)),
        created.body());

    HttpResponse<String> call =
        send(
            post(
                calls(AC1),
                Map.of("To", "+15550001", "From", "+15559999", "Url", "https://h/twilio/x")));
    assertEquals(201, call.statusCode());
    String date = date("CA00000000000000000000000000000002");
    assertEquals(
        "{\"sid\":\"CA00000000000000000000000000000002\",\"account_sid\":\""
            + AC1
            + "\",\"status\":\"queued\",\"to\":\"+15550001\",\"from\":\"+15559999\","
            + "\"date_created\":\""
            + date
            + "\",\"date_updated\":\""
            + date
            + "\",\"direction\":\"outbound-api\"}",
        call.body());
    assertEquals(
        new FakeTwilioApi.Resource(
            "CA00000000000000000000000000000002",
            AC1,
            "+15550001",
            "+15559999",
            null,
            0,
            "https://h/twilio/x",
            "queued",
            date),
        TWILIO.accepted().get(1));
    assertTrue(TWILIO.accepted().get(1).isCall());
  }

  @Test
  void acceptedThenKeepsTheMessageButAnswersTheScriptedError() throws Exception {
    String error = "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}";
    TWILIO.then(FakeTwilioApi.Answer.acceptedThen(500, error));
    TWILIO.then(400, "{\"code\":21211,\"message\":\"bad To\",\"status\":400}");

    HttpResponse<String> lost = sms(AC1, "+15550001", "+15559999", "lost answer");
    assertEquals(500, lost.statusCode());
    assertEquals(error, lost.body());
    HttpResponse<String> refused = sms(AC1, "123", "+15559999", "refused");
    assertEquals(400, refused.statusCode());
    assertEquals("{\"code\":21211,\"message\":\"bad To\",\"status\":400}", refused.body());
    HttpResponse<String> next = sms(AC1, "+15550002", "+15559999", "next");
    assertEquals(201, next.statusCode());

    // the refused one took no SID and is not kept
    assertEquals(
        List.of(SM1, SM2), TWILIO.accepted().stream().map(FakeTwilioApi.Resource::sid).toList());
    assertEquals("lost answer", TWILIO.accepted().get(0).body());
    assertEquals(
        "{\"messages\":["
            + messageJson(SM2, AC1, "+15550002", "+15559999", "next", date(SM2))
            + ","
            + messageJson(SM1, AC1, "+15550001", "+15559999", "lost answer", date(SM1))
            + "],\"end\":1,\"first_page_uri\":\""
            + messages(AC1)
            + "\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,"
            + "\"previous_page_uri\":null,\"start\":0,\"uri\":\""
            + messages(AC1)
            + "\"}",
        get(messages(AC1)).body());
    assertEquals(3, TWILIO.posts().size());
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
            "\"next_page_uri\":\"" + messages(AC1) + "?Page=1\",\"page\":0,\"page_size\":1,"),
        firstOnly);

    HttpResponse<String> calls = get(calls(AC1));
    String date = date(CA4);
    assertEquals(
        "{\"calls\":[{\"sid\":\""
            + CA4
            + "\",\"account_sid\":\""
            + AC1
            + "\",\"status\":\"queued\",\"to\":\"+15550001\",\"from\":\"+15559999\","
            + "\"date_created\":\""
            + date
            + "\",\"date_updated\":\""
            + date
            + "\",\"direction\":\"outbound-api\"}],\"end\":0,\"first_page_uri\":\""
            + calls(AC1)
            + "\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,"
            + "\"previous_page_uri\":null,\"start\":0,\"uri\":\""
            + calls(AC1)
            + "\"}",
        calls.body());

    assertEquals(404, get("/2010-04-01/Accounts/" + AC1 + "/Nothing.json").statusCode());
    assertEquals(400, get(messages(AC1) + "?PageSize=many").statusCode());
  }

  /** The SIDs of a list page, in order. */
  private static List<String> sids(String page) {
    return Pattern.compile("\"sid\":\"([A-Z]{2}\\d{32})\"")
        .matcher(page)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void scriptedAnswersAreForPostsOnly() throws Exception {
    TWILIO.then(
        new FakeTwilioApi.Answer(
            429, "{\"code\":20429,\"status\":429}", Map.of("Retry-After", "3"), 0));
    HttpResponse<String> list = get(messages(AC1) + "?To=%2B15550001&From=%2B15559999");
    assertEquals(200, list.statusCode());
    HttpResponse<String> throttled = sms(AC1, "+15550001", "+15559999", "x");
    assertEquals(429, throttled.statusCode());
    assertEquals("3", throttled.headers().firstValue("Retry-After").orElse(null));
    assertEquals(201, sms(AC1, "+15550001", "+15559999", "x").statusCode());

    List<FakeTwilioApi.Request> requests = TWILIO.requests();
    assertEquals(List.of("GET", "POST", "POST"), requests.stream().map(r -> r.method()).toList());
    FakeTwilioApi.Request get = requests.get(0);
    assertEquals(messages(AC1), get.path());
    assertEquals("To=%2B15550001&From=%2B15559999", get.query());
    assertEquals(
        Map.of("To", List.of("+15550001"), "From", List.of("+15559999")), get.queryParams());
    assertEquals("", get.body());
    assertEquals(requests.subList(1, 3), TWILIO.posts());
    assertNull(TWILIO.posts().get(0).query());
    assertEquals(
        Map.of("To", List.of("+15550001"), "From", List.of("+15559999"), "Body", List.of("x")),
        TWILIO.posts().get(0).form());
  }

  @Test
  void listAnswersAreScriptedApartAndForGetsOnly() throws Exception {
    TWILIO.thenList(new FakeTwilioApi.Answer(503, "{\"status\":503}", Map.of(), 0));
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
    TWILIO.then(new FakeTwilioApi.Answer(201, "{}", Map.of(), 3000));
    CompletableFuture<HttpResponse<String>> slow =
        CLIENT.sendAsync(
            post(messages(AC1), Map.of("To", "+1", "From", "+2", "Body", "slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    while (TWILIO.requests().isEmpty()) {
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
    TWILIO.slowDown(5000);
    TWILIO.then(500, "{}");
    TWILIO.reset();
    long start = System.nanoTime();
    HttpResponse<String> created = sms(AC1, "+15550001", "+15559999", "after reset");
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2000));
    assertEquals(201, created.statusCode());
    assertTrue(created.body().startsWith("{\"sid\":\"" + SM1 + "\""), created.body());
    TWILIO.reset();
    assertEquals(List.of(), TWILIO.requests());
    assertEquals(List.of(), TWILIO.posts());
    assertEquals(List.of(), TWILIO.accepted());
  }

  @Test
  void aClosedPortRefusesUntilReopened() throws Exception {
    TWILIO.close();
    try {
      IOException refused =
          assertThrows(IOException.class, () -> sms(AC1, "+15550001", "+15559999", "x"));
      assertTrue(
          refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
          refused.toString());
    } finally {
      TWILIO.reopen();
    }
    assertEquals(201, sms(AC1, "+15550001", "+15559999", "x").statusCode());
    assertEquals(List.of(SM1), TWILIO.accepted().stream().map(r -> r.sid()).toList());
  }
}
