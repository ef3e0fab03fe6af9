package io.picolabs.twilio.rest;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.post;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.RingingCall;
import io.picolabs.twilio.testkit.SentText;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link TwilioRest}'s single attempts and lists, in the server against a fake Twilio on loopback:
 * one request whatever the outcome, each outcome as its exception, and the lists that tell a sender
 * whether Twilio accepted what it has no answer for. {@link TwilioRestProbe} calls them and says
 * what came back.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwilioRestIT {
  static final String SID = "AC00000000000000000000000000000001";
  static final String ALERTS_SID = "AC00000000000000000000000000000002";
  static final String FRESH_SID = "AC00000000000000000000000000000004";
  // SIDs from 1 in each test, messages left queued: the probe's answers are asserted exactly
  static final FakeTwilio TWILIO =
      FakeTwilio.start(AUTH_TOKEN)
          .sequentialSids()
          .messagesStayQueued()
          .account(ALERTS_SID, "alerts-secret-token")
          .account(FRESH_SID, "fresh-secret-token");
  static final String SM1 = "SM00000000000000000000000000000001";
  static final String SM2 = "SM00000000000000000000000000000002";
  static final String SM3 = "SM00000000000000000000000000000003";
  static final String TO = "+18015550001";
  static final String FROM = "+18005551212";

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.api-url=" + TWILIO.url(),
            "twilio.account-sid=" + SID,
            "twilio.accounts.alerts.account-sid=" + ALERTS_SID,
            "twilio.accounts.alerts.auth-token=alerts-secret-token",
            "twilio.accounts.ghost.account-sid=AC00000000000000000000000000000003",
            "twilio.accounts.fresh.account-sid=" + FRESH_SID,
            "twilio.accounts.fresh.auth-token=fresh-secret-token",
            // the retrying methods would try five times: the single attempts must not
            "twilio.retry.initial-delay-ms=100",
            "twilio.retry.max-delay-ms=400",
            "twilio.retry.max-attempts=5",
            "twilio.read-timeout-ms=1500",
            tokens());
    return Wars.project("twiliorest.war")
        .addClass(TwilioRestProbe.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @BeforeEach
  void resetFake() {
    TWILIO.reset();
  }

  private String smsOnce(String account, String to, String body) {
    List<String> params = new ArrayList<>();
    if (account != null) {
      params.addAll(List.of("account", account));
    }
    params.addAll(List.of("to", to, "from", FROM, "body", body));
    return probe(
        post(base, "rest-probe/sms-once" + query(params.toArray(String[]::new)), "text/plain", ""));
  }

  private String callOnce(String to, String url) {
    return probe(
        post(
            base,
            "rest-probe/call-once" + query("to", to, "from", FROM, "url", url),
            "text/plain",
            ""));
  }

  /** {@code what} is {@code messages} or {@code calls}; filters and page size as name, value. */
  private String list(String what, String... params) {
    return probe(
        send(HttpRequest.newBuilder(uri(base, "rest-probe/" + what + query(params))).GET()));
  }

  /** {@code ?name=value&…}, encoded, from names and values in turn. */
  private static String query(String... params) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      query
          .append(i == 0 ? "?" : "&")
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static String probe(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** What the probe says of a message the fake accepted, read back from the fake. */
  private static String message(String sid, String account, String to, String from, String body) {
    return "message "
        + sid
        + " queued to="
        + to
        + " from="
        + from
        + " body="
        + body
        + " account="
        + account
        + " segments=1 created="
        + created(sid);
  }

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** When the fake accepted message or call {@code sid}, as the server reads Twilio's date. */
  private static String created(String sid) {
    Instant created =
        Stream.concat(
                TWILIO.texts().stream().filter(t -> t.sid().equals(sid)).map(SentText::created),
                TWILIO.calls().stream().filter(c -> c.sid().equals(sid)).map(RingingCall::created))
            .findFirst()
            .orElseThrow();
    return new TwilioDate().adaptFromJson(RFC_2822.format(created)).toString();
  }

  private static String basic(String sid, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSingleSendSucceedsWithOneRequest() {
    String sent = smsOnce(null, TO, "hello once");
    assertEquals(message(SM1, SID, TO, FROM, "hello once"), sent);
    List<FakeTwilio.Request> posts = TWILIO.posts();
    assertEquals(1, posts.size());
    assertEquals("/2010-04-01/Accounts/" + SID + "/Messages.json", posts.get(0).path());
    assertEquals(basic(SID, AUTH_TOKEN), posts.get(0).header("Authorization"));
    assertEquals(
        Map.of("To", List.of(TO), "From", List.of(FROM), "Body", List.of("hello once")),
        posts.get(0).form());
  }

  @Test
  void aSingleCallIsPlacedWithOneRequest() {
    String placed = callOnce(TO, "https://example.com/twilio/inbound_call");
    assertEquals(
        "call CA00000000000000000000000000000001 queued to="
            + TO
            + " from="
            + FROM
            + " direction=outbound-api account="
            + SID
            + " created="
            + created("CA00000000000000000000000000000001"),
        placed);
    assertEquals(1, TWILIO.posts().size());
    assertEquals("https://example.com/twilio/inbound_call", TWILIO.calls().get(0).url());
  }

  @Test
  void tooManyRequestsIsRetryableButNotRetried() {
    TWILIO.nextPost(
        FakeTwilio.Scripted.answer(
                429,
                "{\"code\":20429,\"message\":\"Too Many Requests\","
                    + "\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}")
            .withHeader("Retry-After", "7"));
    assertEquals(
        "TwilioError code=20429 status=429 retryable=true retryAfter=PT7S: Twilio error 20429"
            + " (HTTP 429): Too Many Requests https://www.twilio.com/docs/errors/20429",
        smsOnce(null, TO, "throttled"));
    assertEquals(1, TWILIO.posts().size());
    assertEquals(List.of(), TWILIO.texts());
    assertEquals(List.of(), TWILIO.calls());
  }

  @Test
  void anInvalidNumberIsFinal() {
    TWILIO.nextPost(
        400,
        "{\"code\":21211,\"message\":\"The 'To' number 123 is not a valid phone number.\","
            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
    assertEquals(
        "TwilioError code=21211 status=400 retryable=false retryAfter=null: Twilio error 21211"
            + " (HTTP 400): The 'To' number 123 is not a valid phone number."
            + " https://www.twilio.com/docs/errors/21211",
        smsOnce(null, "123", "hi"));
    assertEquals(1, TWILIO.posts().size());
  }

  @Test
  void aServerErrorAfterAcceptingIsUnknownAndTheListFindsTheMessage() {
    TWILIO.nextPost(
        FakeTwilio.Scripted.acceptedThen(
            500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
    assertEquals(
        "OutcomeUnknown reason=HTTP 500 from Twilio: send_sms to "
            + TO
            + ": outcome unknown (HTTP 500 from Twilio); Twilio may have accepted it, so it was"
            + " not retried",
        smsOnce(null, TO, "answer lost"));
    assertEquals(1, TWILIO.posts().size());
    assertEquals(
        "1 found\n" + message(SM1, SID, TO, FROM, "answer lost"),
        list("messages", "to", TO, "from", FROM, "pageSize", "20"));
    FakeTwilio.Request get = TWILIO.requests().get(1);
    assertEquals("GET", get.method());
    assertEquals("/2010-04-01/Accounts/" + SID + "/Messages.json", get.path());
    assertEquals(basic(SID, AUTH_TOKEN), get.header("Authorization"));
    assertEquals(
        Map.of("To", List.of(TO), "From", List.of(FROM), "PageSize", List.of("20")),
        get.queryParams());
  }

  @Test
  void aReadTimeoutIsUnknownAndAListThatTimesOutIsUnreachable() {
    TWILIO.slowDown(Duration.ofMillis(3000));
    String timedOut =
        "RESTEASY004655: Unable to invoke request: java.net.SocketTimeoutException: Read timed out";
    assertEquals(
        "OutcomeUnknown reason="
            + timedOut
            + ": send_sms to "
            + TO
            + ": outcome unknown ("
            + timedOut
            + "); Twilio may have accepted it, so it was not retried",
        smsOnce(null, TO, "slow"));
    assertEquals(1, TWILIO.texts().size());
    TWILIO.nextList(
        FakeTwilio.Scripted.answer(200, "{\"messages\":[]}").after(Duration.ofMillis(3000)));
    assertEquals(
        "TwilioUnreachable: list messages to "
            + TO
            + ": Twilio could not be reached in 1 attempts"
            + " (java.net.SocketTimeoutException: Read timed out); nothing was sent",
        list("messages", "to", TO, "pageSize", "5"));
    TWILIO.slowDown(Duration.ZERO);
    assertEquals(
        "1 found\n" + message(SM1, SID, TO, FROM, "slow"),
        list("messages", "to", TO, "pageSize", "5"));
    assertEquals(1, TWILIO.posts().size());
  }

  @Test
  void aListThatFailsIsUnreachableUnlessTwilioRefusedIt() {
    TWILIO.nextList(
        FakeTwilio.Scripted.answer(
            500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
    TWILIO.nextList(
        FakeTwilio.Scripted.answer(
            401,
            "{\"code\":20003,\"message\":\"Authenticate\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}"));
    assertEquals(
        "TwilioUnreachable: list calls from "
            + FROM
            + ": Twilio could not be reached in 1 attempts"
            + " (java.io.IOException: HTTP 500 from Twilio); nothing was sent",
        list("calls", "from", FROM, "pageSize", "5"));
    assertEquals(
        "TwilioError code=20003 status=401 retryable=false retryAfter=null: Twilio error 20003"
            + " (HTTP 401): Authenticate https://www.twilio.com/docs/errors/20003",
        list("messages", "pageSize", "5"));
    assertEquals("0 found", list("messages", "pageSize", "5"));
    assertEquals(3, TWILIO.requests().size());
  }

  /**
   * Through account {@code fresh}, used by no other test: its client has no kept-alive connection
   * that the closed port would leave stale (a request on a stale connection gets no answer, which
   * is {@link OutcomeUnknown}, not a refusal). Closing the port also closes the other accounts'
   * kept-alive connections, so this test runs last.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aRefusedConnectionIsUnreachableAfterOneAttempt() {
    TWILIO.closePort();
    String sent;
    String listed;
    try {
      sent = smsOnce("fresh", TO, "nobody home");
      listed = list("messages", "account", "fresh", "pageSize", "5");
    } finally {
      TWILIO.reopenPort();
    }
    assertEquals(
        "TwilioUnreachable: send_sms to "
            + TO
            + ": Twilio could not be reached in 1 attempts"
            + " (java.net.ConnectException: Connection refused); nothing was sent",
        sent);
    assertEquals(
        "TwilioUnreachable: list messages: Twilio could not be reached in 1 attempts"
            + " (java.net.ConnectException: Connection refused); nothing was sent",
        listed);
    assertEquals(List.of(), TWILIO.requests());
  }

  @Test
  void recentMessagesFilterAndComeNewestFirst() {
    for (String sent :
        List.of(
            smsOnce(null, TO, "one"),
            smsOnce(null, "+18015550002", "two"),
            smsOnce(null, TO, "three"),
            smsOnce("alerts", TO, "other account"))) {
      assertTrue(sent.startsWith("message "), sent);
    }
    String one = message(SM1, SID, TO, FROM, "one");
    String two = message(SM2, SID, "+18015550002", FROM, "two");
    String three = message(SM3, SID, TO, FROM, "three");

    assertEquals("3 found\n" + three + "\n" + two + "\n" + one, list("messages", "pageSize", "50"));
    assertEquals("2 found\n" + three + "\n" + one, list("messages", "to", TO, "pageSize", "50"));
    assertEquals(
        "2 found\n" + three + "\n" + one,
        list("messages", "to", TO, "from", FROM, "pageSize", "50"));
    assertEquals("0 found", list("messages", "from", "+18005550000", "pageSize", "50"));
    assertEquals("1 found\n" + three, list("messages", "to", TO, "pageSize", "1"));
    assertEquals(
        "1 found\n"
            + message("SM00000000000000000000000000000004", ALERTS_SID, TO, FROM, "other account"),
        list("messages", "account", "alerts", "to", TO, "pageSize", "50"));

    // null filters are left out of Twilio's query, not sent empty
    List<FakeTwilio.Request> gets =
        TWILIO.requests().stream().filter(r -> r.method().equals("GET")).toList();
    assertEquals(
        List.of(
            Map.of("PageSize", List.of("50")),
            Map.of("To", List.of(TO), "PageSize", List.of("50")),
            Map.of("To", List.of(TO), "From", List.of(FROM), "PageSize", List.of("50")),
            Map.of("From", List.of("+18005550000"), "PageSize", List.of("50")),
            Map.of("To", List.of(TO), "PageSize", List.of("1")),
            Map.of("To", List.of(TO), "PageSize", List.of("50"))),
        gets.stream().map(FakeTwilio.Request::queryParams).collect(Collectors.toList()));
    assertEquals(
        basic(ALERTS_SID, "alerts-secret-token"),
        gets.get(gets.size() - 1).header("Authorization"));
  }

  @Test
  void recentCallsListOnlyCalls() {
    for (String placed :
        List.of(
            callOnce(TO, "https://example.com/a"),
            smsOnce(null, TO, "not a call"),
            callOnce("+18015550002", "https://example.com/b"))) {
      assertTrue(placed.startsWith("call ") || placed.startsWith("message "), placed);
    }
    String first = "CA00000000000000000000000000000001";
    String third = "CA00000000000000000000000000000003";
    String call1 =
        "call "
            + first
            + " queued to="
            + TO
            + " from="
            + FROM
            + " direction=outbound-api account="
            + SID
            + " created="
            + created(first);
    String call3 =
        "call "
            + third
            + " queued to=+18015550002 from="
            + FROM
            + " direction=outbound-api account="
            + SID
            + " created="
            + created(third);
    assertEquals("2 found\n" + call3 + "\n" + call1, list("calls", "pageSize", "10"));
    assertEquals("1 found\n" + call1, list("calls", "to", TO, "from", FROM, "pageSize", "10"));
    FakeTwilio.Request get = TWILIO.requests().get(TWILIO.requests().size() - 1);
    assertEquals("/2010-04-01/Accounts/" + SID + "/Calls.json", get.path());
  }

  @Test
  void missingCredentialsAndBadPageSizesFailBeforeAnyRequest() {
    String missing =
        "MissingCredentials: Twilio credentials missing: set twilio.accounts.ghost.auth-token"
            + " (environment variable TWILIO_ACCOUNTS_GHOST_AUTH_TOKEN)";
    assertEquals(missing, smsOnce("ghost", TO, "x"));
    assertEquals(missing, list("messages", "account", "ghost", "pageSize", "5"));
    assertEquals(
        "IllegalArgumentException: Twilio's page size is 1 to 1000, not 0",
        list("calls", "pageSize", "0"));
    assertEquals(List.of(), TWILIO.requests());
  }
}
