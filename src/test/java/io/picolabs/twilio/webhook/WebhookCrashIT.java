package io.picolabs.twilio.webhook;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testing.HeldStatement;
import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.PostgresInstances;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the instance answering webhooks, at each step of a delivery (two instances on
 * one PostgreSQL database, {@code testing.PostgresInstances}): one while its rule runs, one while
 * its rule's effects and its claim on the delivery commit (the claim's insert held by {@link
 * HeldStatement}; the rule by its own {@code sleep_ms}), and one answered already, whose answer was
 * written by that same commit. Twilio's retries reach the other instance at once: the first two run
 * their rules there, as first deliveries (nothing of theirs was kept); the third gets its answer
 * again, without its rule running again. Each rule ran once. A is started again while the retries
 * run.
 *
 * <p>There is no step between a rule's commit and its answer's write any more for a delivery whose
 * one rule writes: the commit writes the answer too.
 */
class WebhookCrashIT {
  private static final String PATH = "twilio/counted";

  @Test
  void deliveriesWhoseInstanceDiedAtEachStepAreRunByTheRetriesAtMostOnce() throws Exception {
    PostgresInstances instances = PostgresInstances.get();
    LibertyServer a = instances.a();
    LibertyServer b = instances.b();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Delivery duringCommit = new Delivery("duringcommit" + run, 0);
    Delivery duringRule = new Delivery("duringrule" + run, 3000);
    Delivery answered = new Delivery("answered" + run, 0);
    String answeredOnA = XML + "<Response><Say>" + answered.counter + " 1 on A</Say></Response>";

    HttpResponse<String> answer = answered.post(a).get(30, TimeUnit.SECONDS);
    assertEquals("200 " + answeredOnA, answer.statusCode() + " " + answer.body());
    try (HeldStatement claims =
        HeldStatement.on(
            instances.postgres(),
            "twilio_replay",
            "INSERT",
            "NEW.delivery_key = '" + duringCommit.key() + "'")) {
      List<CompletableFuture<HttpResponse<String>>> first =
          List.of(duringCommit.post(a), duringRule.post(a));
      claims.awaitHeld(1, 20);
      eventually(
          20,
          "the rule running on A",
          () ->
              a.messages().contains(duringRule.started("A"))
                  ? Optional.of(true)
                  : Optional.empty());
      a.kill();
      for (CompletableFuture<HttpResponse<String>> lost : first) {
        lost.handle((done, failure) -> null).get(30, TimeUnit.SECONDS); // connections gone
      }
      claims.release(20);
    }
    // what the dead instance had not committed is not in the database
    assertEquals(
        List.of(),
        stored(instances, duringCommit),
        "nothing of the delivery whose commit was held");
    assertEquals(List.of(), stored(instances, duringRule), "nothing of the second delivery");
    assertEquals(
        List.of(Map.of("answer", "kept", "rules_committed", 1)),
        stored(instances, answered),
        "the third delivery's row: its rule committed, its answer with it");

    CompletableFuture<Void> restarted = CompletableFuture.runAsync(a::start); // meanwhile
    // Twilio retries at once (the connection was reset): the retries reach B while A restarts
    List<Delivery> deliveries = List.of(duringCommit, duringRule, answered);
    for (String attempt : List.of("the retry", "a later retry")) {
      Map<Delivery, CompletableFuture<HttpResponse<String>>> retries = new LinkedHashMap<>();
      deliveries.forEach(delivery -> retries.put(delivery, delivery.post(b)));
      for (Delivery delivery : deliveries) {
        String expected =
            delivery == answered
                ? answeredOnA
                : XML + "<Response><Say>" + delivery.counter + " 1 on B</Say></Response>";
        HttpResponse<String> retry = retries.get(delivery).get(30, TimeUnit.SECONDS);
        assertEquals(
            "200 " + expected,
            retry.statusCode() + " " + retry.body(),
            attempt + " of " + delivery.counter + b.messagesTail(30));
      }
    }
    for (Delivery delivery : deliveries) {
      int runsOnB = b.messages().split(delivery.started("B"), -1).length - 1;
      assertEquals(delivery == answered ? 0 : 1, runsOnB, "runs on B of " + delivery.counter);
    }
    // the third rule's effect committed on A, once: a new delivery counts from there
    HttpResponse<String> next = answered.another().post(b).get(30, TimeUnit.SECONDS);
    assertEquals(
        "200 " + XML + "<Response><Say>" + answered.counter + " 2 on B</Say></Response>",
        next.statusCode() + " " + next.body());
    restarted.get(120, TimeUnit.SECONDS);
  }

  /** The replay row of a delivery: whether it has an answer, and whether its rules committed. */
  private static List<Map<String, Object>> stored(PostgresInstances instances, Delivery delivery) {
    return instances
        .postgres()
        .query(
            "SELECT CASE WHEN answer IS NULL THEN 'none' ELSE 'kept' END AS answer,"
                + " rules_committed FROM twilio_replay WHERE delivery_key = ?",
            delivery.key());
  }

  /** One webhook of rule {@code twilio counted}, with its own counter and idempotency token. */
  private record Delivery(String counter, long sleepMillis, String token, String callSid) {
    Delivery(String counter, long sleepMillis) {
      this(counter, sleepMillis, UUID.randomUUID().toString(), newCallSid());
    }

    /** Another delivery of the same counter: another call, another token. */
    Delivery another() {
      return new Delivery(counter, sleepMillis);
    }

    CompletableFuture<HttpResponse<String>> post(LibertyServer server) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("AccountSid", PostgresInstances.ACCOUNT_SID);
      params.put("CallSid", callSid);
      params.put("From", "+18015550177");
      params.put("To", "+18005550111");
      params.put("counter", counter);
      params.put("sleep_ms", Long.toString(sleepMillis));
      return CompletableFuture.supplyAsync(
          () -> PostgresInstances.signedPost(server, PATH, params, token));
    }

    /** The delivery's key in {@code TWILIO_REPLAY}: the digest of its path and token. */
    String key() {
      return PostgresInstances.deliveryKey(PATH, token);
    }

    String started(String instance) {
      return "OutboxTestRules: counted " + counter + " started on " + instance;
    }

    private static String newCallSid() {
      return "CA" + UUID.randomUUID().toString().replace("-", "");
    }
  }
}
