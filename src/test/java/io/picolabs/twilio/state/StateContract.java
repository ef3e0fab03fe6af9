package io.picolabs.twilio.state;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.TwilioRequests;
import io.picolabs.twilio.testing.Wars;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * What variables must do on any database: the tests run against Derby ({@code StateIT}) and against
 * PostgreSQL ({@code PostgresStateIT}), each on a server deployed with {@link #deployment}.
 */
public abstract class StateContract {

  /** The deployment's base URL, ending in '/'. */
  protected abstract URL base();

  /** The library JAR and {@link StateRules}, with the test tokens. */
  public static WebArchive deployment(String name) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addAsLibraries(Wars.library())
        .addClass(RootApplication.class)
        .addClass(StateRules.class)
        .addAsResource(new StringAsset(tokens()), "META-INF/microprofile-config.properties");
  }

  /** A number no other test uses, so that tests sharing a database never meet. */
  static String newEntity() {
    return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
  }

  private HttpResponse<String> raise(String type, String json) {
    return event(base(), "events/state/" + type, "application/json", json);
  }

  private static String directives(
      String type, List<String> fired, List<String> failed, String says) {
    return "{\"domain\":\"state\",\"type\":\""
        + type
        + "\",\"fired\":"
        + names(fired)
        + ",\"failed\":"
        + names(failed)
        + ",\"directives\":["
        + (says == null ? "" : "{\"name\":\"Say\",\"text\":\"" + says + "\"}")
        + "]}";
  }

  private static String names(List<String> rules) {
    return rules.stream()
        .map(rule -> "\"StateRules." + rule + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void fiftyConcurrentIncrementsOfOneEntityAllCount() throws Exception {
    String entity = newEntity();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        answers.add(pool.submit(() -> raise("count", "{\"entity\":\"" + entity + "\"}")));
      }
      List<String> counts = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        assertEquals(
            directives("count", List.of("count"), List.of(), null).replace("]}", ""),
            body.substring(0, body.indexOf("{\"name\":\"Say\"")),
            body);
        counts.add(body.replaceAll(".*\"count (\\d+)\".*", "$1"));
      }
      // each increment saw a different count: none was lost, none counted twice
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        expected.add(Integer.toString(i));
      }
      counts.sort(Comparator.comparingInt(Integer::parseInt));
      assertEquals(expected, counts);
    } finally {
      pool.shutdownNow();
    }
    assertEquals("200 {\"count\":50}", entityVars(base(), entity));
  }

  @Test
  void aFailingRuleLeavesNoWriteWhileTheGoodOneBesideItDoes() {
    String entity = newEntity();
    assertEquals(
        directives(
            "mixed", List.of("good", "bad", "after"), List.of("bad"), "good is true, bad is false"),
        raise("mixed", "{\"entity\":\"" + entity + "\"}").body());
    assertEquals("200 {\"good\":true}", entityVars(base(), entity));
  }

  @Test
  void aFailingRuleTakesTheWritesOfTheEventsItRaisedWithIt() {
    String entity = newEntity();
    assertEquals(
        directives("outer", List.of("outer"), List.of("outer"), null),
        raise("outer", "{\"entity\":\"" + entity + "\",\"fail\":\"yes\"}").body());
    assertEquals("404 no variables for entity " + entity + "\n", entityVars(base(), entity));

    assertEquals(
        directives("outer", List.of("outer"), List.of(), null),
        raise("outer", "{\"entity\":\"" + entity + "\"}").body());
    assertEquals("200 {\"inner\":1,\"outer\":1}", entityVars(base(), entity));
  }

  @Test
  void valuesKeepTheirJsonShape() {
    String entity = newEntity();
    assertEquals(
        directives(
            "typed",
            List.of("typed"),
            List.of(),
            "a \\\"quoted\\\" <text> & ünïcödé|43|2.5|true|[a, b]|{k=1}|false"
                + "|[decimal, flag, list, map, number, text]"),
        raise("typed", "{\"entity\":\"" + entity + "\"}").body());
    assertEquals(
        "200 {\"decimal\":2.5,\"flag\":true,\"list\":[\"a\",\"b\"],\"map\":{\"k\":1},"
            + "\"number\":42,\"text\":\"a \\\"quoted\\\" <text> & ünïcödé\"}",
        entityVars(base(), entity));
  }

  @Test
  void aRuleCanWriteAnotherEntitysVariables() {
    String entity = newEntity();
    String other = newEntity();
    raise("other", "{\"entity\":\"" + entity + "\",\"other\":\"" + other + "\"}");
    assertEquals("200 {\"told\":\"" + entity + "\"}", entityVars(base(), other));
    assertEquals("404 no variables for entity " + entity + "\n", entityVars(base(), entity));
  }

  @Test
  void badNamesAndValuesFailTheRule() {
    String entity = "{\"entity\":\"" + newEntity() + "\"}";
    for (String[] bad :
        new String[][] {
          {"bad_name", "badName"},
          {"long_name", "longName"},
          {"too_big", "tooBig"},
          {"wrong_type", "wrongType"}
        }) {
      assertEquals(
          directives(bad[0], List.of(bad[1]), List.of(bad[1]), null), raise(bad[0], entity).body());
    }
  }

  @Test
  void appVariablesAreOneSetForEveryEvent() {
    String name = "hits" + ThreadLocalRandom.current().nextInt(1_000_000);
    raise("app_count", "{\"name\":\"" + name + "\"}");
    assertEquals(
        directives("app_count", List.of("appCount"), List.of(), name + " 2"),
        raise("app_count", "{\"name\":\"" + name + "\",\"entity\":\"" + newEntity() + "\"}")
            .body());
    HttpResponse<String> app =
        send(
            HttpRequest.newBuilder(uri(base(), "app/vars"))
                .header("Authorization", "Bearer " + TwilioRequests.EVENTS_TOKEN)
                .GET());
    assertEquals(200, app.statusCode());
    assertEquals(true, app.body().contains("\"" + name + "\":2"), app.body());
  }

  @Test
  void aCallVariableIsSharedByTheWebhooksOfOneCallOnly() {
    String caller = newEntity();
    String sid =
        "CA" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "0000000000000000";
    String otherSid = sid.replace("CA", "CB");
    Map<String, String> incoming = inboundCall(caller);
    incoming.put("CallSid", sid);
    assertEquals(
        XML + "<Response><Say>noted</Say></Response>",
        postForm(base(), "twilio/inbound_call", incoming).body());

    Map<String, String> gathered = inboundCall(caller);
    gathered.put("CallSid", sid);
    gathered.put("Digits", "7");
    assertEquals(
        XML + "<Response><Say>caller was " + caller + "</Say></Response>",
        postForm(base(), "twilio/monkey_handle", gathered).body());

    gathered.put("CallSid", otherSid);
    assertEquals(
        XML + "<Response><Say>caller was unknown</Say></Response>",
        postForm(base(), "twilio/monkey_handle", gathered).body());

    // the call's status callback says it ended: its variables go
    Map<String, String> ended = inboundCall(caller);
    ended.put("CallSid", sid);
    ended.put("CallStatus", "completed");
    assertEquals(XML + "<Response/>", postForm(base(), "twilio/call_status", ended).body());
    gathered.put("CallSid", sid);
    assertEquals(
        XML + "<Response><Say>caller was unknown</Say></Response>",
        postForm(base(), "twilio/monkey_handle", gathered).body());
  }

  @Test
  void theVariablesEndpointsWantTheEventsToken() {
    HttpResponse<String> anonymous =
        send(HttpRequest.newBuilder(uri(base(), "entities/%2B15550000000/vars")).GET());
    assertEquals(401, anonymous.statusCode());
    assertEquals("a bearer token is required\n", anonymous.body());
    HttpResponse<String> wrong =
        send(
            HttpRequest.newBuilder(uri(base(), "app/vars"))
                .header("Authorization", "Bearer nope")
                .GET());
    assertEquals(403, wrong.statusCode());
    assertEquals("wrong bearer token\n", wrong.body());
  }
}
