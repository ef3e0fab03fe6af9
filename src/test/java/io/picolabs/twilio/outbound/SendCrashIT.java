package io.picolabs.twilio.outbound;

import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.HeldStatement;
import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.PostgresInstances;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.SentText;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the instance sending a message, at the steps of a send {@code OutboxCrashIT}
 * does not reach (two instances on one PostgreSQL database, {@code testing.PostgresInstances},
 * whose claims last {@value PostgresInstances#OUTBOX_LEASE_SECONDS} s): after the claim, with a
 * request that never reached Twilio; and after Twilio accepted the message, before the instance
 * recorded it (its update held at the database by {@link HeldStatement}). Whichever instance
 * claimed the entry is killed, and started again; the other takes the entry over once the claim's
 * lease is over, asks Twilio, and sends it only if Twilio does not have it: one message either way.
 */
class SendCrashIT {
  private static final String FROM = "+18005550199";
  private static final String MESSAGES_PATH =
      "/2010-04-01/Accounts/" + PostgresInstances.ACCOUNT_SID + "/Messages.json";

  @Test
  void aSendWhoseRequestNeverReachedTwilioIsSentOnceByTheOtherInstance() throws Exception {
    PostgresInstances instances = PostgresInstances.get();
    FakeTwilio twilio = instances.twilio();
    String to = newNumber();
    // the request arrives, Twilio keeps nothing and never answers: lost on its way
    twilio.nextPost(FakeTwilio.Scripted.answer(504, "{}").after(Duration.ofSeconds(60)));
    raise(instances.a(), to, "never reached " + to);
    eventually(
        20,
        "the request at the fake",
        () -> posts(twilio, to).isEmpty() ? Optional.empty() : Optional.of(true));
    LibertyServer killed = killClaimant(instances, to);
    CompletableFuture<Void> restarted = CompletableFuture.runAsync(killed::start); // meanwhile

    String sid = awaitSent(instances, to);
    List<SentText> texts = twilio.textsTo(to);
    assertEquals(1, texts.size(), "messages Twilio has: " + texts);
    assertEquals(sid, texts.get(0).sid());
    assertEquals("never reached " + to, texts.get(0).body());
    assertEquals(2, posts(twilio, to).size(), "POSTs: the lost one and the one that created");
    assertEquals(1, lists(twilio, to).size(), "lists: Twilio asked once, before the resend");
    restarted.get(120, TimeUnit.SECONDS);
    assertTrue(
        logs(instances).contains(": Twilio does not have it; sending again"), logs(instances));
  }

  @Test
  void aSendTwilioAcceptedWhoseInstanceDiedBeforeRecordingItIsReconciledNotResent()
      throws Exception {
    PostgresInstances instances = PostgresInstances.get();
    FakeTwilio twilio = instances.twilio();
    String to = newNumber();
    LibertyServer killed;
    try (HeldStatement settle =
        HeldStatement.on(
            instances.postgres(),
            "twilio_outbox",
            "UPDATE",
            "NEW.to_number = '" + to + "' AND NEW.sid IS NOT NULL")) {
      raise(instances.a(), to, "accepted " + to);
      settle.awaitHeld(1, 20);
      killed = killClaimant(instances, to);
      settle.release(20);
    }
    CompletableFuture<Void> restarted = CompletableFuture.runAsync(killed::start); // meanwhile
    assertEquals(
        List.of(Map.of("state", "sending", "sid", "none")),
        instances
            .postgres()
            .query(
                "SELECT state, COALESCE(sid, 'none') AS sid FROM twilio_outbox"
                    + " WHERE to_number = ?",
                to),
        "what the dead instance had not committed is not in the database");

    String sid = awaitSent(instances, to);
    List<SentText> texts = twilio.textsTo(to);
    assertEquals(1, texts.size(), "messages Twilio has: " + texts);
    assertEquals(sid, texts.get(0).sid(), "the entry has the SID of the one message");
    assertEquals(1, posts(twilio, to).size(), "POSTs: only the one before the crash");
    assertEquals(1, lists(twilio, to).size(), "lists: the reconciliation");
    restarted.get(120, TimeUnit.SECONDS);
    assertTrue(logs(instances).contains(": Twilio has it as " + sid), logs(instances));
  }

  /**
   * Both instances' logs: the survivor reconciles, unless the killed one, started again meanwhile,
   * came first.
   */
  private static String logs(PostgresInstances instances) {
    return instances.a().messages() + instances.b().messages();
  }

  /** The seed's {@code notification status} rule texts {@code message} to {@code to}. */
  private static void raise(LibertyServer server, String to, String message) {
    HttpResponse<String> answer = notification(server.base(), to, FROM, message);
    assertEquals(200, answer.statusCode(), answer.body());
  }

  /**
   * Kills the instance whose sender holds the claim on the entry to {@code to} (its owner, in the
   * database, is the one its sender logged at start) and returns it.
   */
  private static LibertyServer killClaimant(PostgresInstances instances, String to) {
    List<Map<String, Object>> rows =
        instances
            .postgres()
            .query("SELECT owner_id, state FROM twilio_outbox WHERE to_number = ?", to);
    assertEquals(1, rows.size(), "the entry: " + rows);
    assertEquals("sending", rows.get(0).get("state"), "the entry: " + rows);
    String owner = "outbox sender " + rows.get(0).get("owner_id") + ":";
    LibertyServer a = instances.a();
    LibertyServer b = instances.b();
    LibertyServer claimant = a.messages().contains(owner) ? a : b;
    assertTrue(claimant.messages().contains(owner), "neither instance logged " + owner);
    claimant.kill();
    return claimant;
  }

  /** The SID of the entry to {@code to}, once it is sent (by the survivor). */
  private static String awaitSent(PostgresInstances instances, String to) {
    long wait = PostgresInstances.OUTBOX_LEASE_SECONDS + 30;
    return eventually(
        (int) wait,
        "the entry to " + to + " sent",
        () ->
            instances
                .postgres()
                .query("SELECT sid FROM twilio_outbox WHERE to_number = ? AND state = 'sent'", to)
                .stream()
                .map(row -> (String) row.get("sid"))
                .findFirst());
  }

  private static List<FakeTwilio.Request> posts(FakeTwilio twilio, String to) {
    return twilio.posts().stream()
        .filter(post -> post.path().equals(MESSAGES_PATH))
        .filter(post -> List.of(to).equals(post.form().get("To")))
        .toList();
  }

  private static List<FakeTwilio.Request> lists(FakeTwilio twilio, String to) {
    return twilio.requests().stream()
        .filter(request -> request.method().equals("GET"))
        .filter(request -> request.path().equals(MESSAGES_PATH))
        .filter(request -> List.of(to).equals(request.queryParams().get("To")))
        .toList();
  }

  /** A number of this test's own, so that other tests' messages on the shared fake do not count. */
  private static String newNumber() {
    return "+1801" + (5_000_000 + ThreadLocalRandom.current().nextInt(4_999_999));
  }
}
