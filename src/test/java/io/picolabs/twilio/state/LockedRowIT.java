package io.picolabs.twilio.state;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testing.HeldStatement;
import io.picolabs.twilio.testing.Postgres;
import io.picolabs.twilio.testing.PostgresInstances;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The database locked: a rule's commit waits for a row lock held elsewhere past the webhook's
 * deadline. The caller hears the fallback, and the commit is rolled back when the lock goes, not
 * kept behind that answer (the deadline bounds the commit: {@code event.AnswerGate}).
 */
class LockedRowIT {
  private static final String FALLBACK =
      XML
          + "<Response><Say>Sorry, we could not answer in time. Please call again later.</Say>"
          + "<Hangup/></Response>";

  @Test
  void aCommitHeldUpByALockPastTheDeadlineIsRolledBackNotKeptBehindTheFallback() throws Exception {
    PostgresInstances instances = PostgresInstances.get();
    Postgres postgres = instances.postgres();
    String caller = "+1801555" + (1000 + ThreadLocalRandom.current().nextInt(9000));

    assertEquals(
        XML + "<Response><Say>Your favorite number is 3.</Say><Hangup/></Response>",
        favorite(instances, caller, "3").body());
    assertEquals(List.of("\"3\""), stored(postgres, caller));

    HttpResponse<String> held;
    try (Connection other = postgres.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement(
              "UPDATE twilio_variable SET updated_ms = updated_ms"
                  + " WHERE var_owner = ? AND var_name = 'favorite'")) {
        lock.setString(1, caller);
        assertEquals(1, lock.executeUpdate());
      }
      held = favorite(instances, caller, "7"); // its commit waits for the lock, past the deadline
      other.rollback();
    }
    assertEquals(200, held.statusCode(), held.body());
    assertEquals(FALLBACK, held.body());

    String log =
        eventually(
            30,
            "the held commit rolled back once the lock went",
            () -> {
              String messages = instances.a().messages();
              return messages.contains("its commit was held up (a lock?) until after the event")
                  ? Optional.of(messages)
                  : Optional.empty();
            });
    assertEquals(List.of("\"3\""), stored(postgres, caller), log.length() + " chars of log");

    // the caller's next answer is taken as ever
    assertEquals(
        XML + "<Response><Say>Your favorite number is 8.</Say><Hangup/></Response>",
        favorite(instances, caller, "8").body());
    assertEquals(List.of("\"8\""), stored(postgres, caller));
  }

  /**
   * A delivery's claim, written with its rule's effects, held up by the database (its insert waits
   * for a lock) past the deadline: the caller hears the fallback, the commit is rolled back when
   * the lock goes, and Twilio's retry of the delivery, finding nothing kept, runs the rule.
   */
  @Test
  void aClaimHeldUpPastTheDeadlineIsRolledBackWithTheEffectsAndTheRetryRunsTheRule() {
    PostgresInstances instances = PostgresInstances.get();
    Postgres postgres = instances.postgres();
    String caller = "+1801555" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    String token = UUID.randomUUID().toString();
    String key = PostgresInstances.deliveryKey("twilio/monkey_handle", token);

    HttpResponse<String> held;
    try (HeldStatement claims =
        HeldStatement.on(postgres, "twilio_replay", "INSERT", "NEW.delivery_key = '" + key + "'")) {
      held = favorite(instances, caller, "5", token);
    }
    assertEquals("200 " + FALLBACK, held.statusCode() + " " + held.body());
    eventually(
        30,
        "the held commit rolled back once the lock went",
        () ->
            instances.a().messages().contains("its commit was held up (a lock?) until after")
                ? Optional.of(true)
                : Optional.empty());
    assertEquals(List.of(), stored(postgres, caller), "no favorite kept");
    assertEquals(
        List.of(),
        postgres.query("SELECT claim_id FROM twilio_replay WHERE delivery_key = ?", key),
        "no claim kept");

    HttpResponse<String> retry = favorite(instances, caller, "5", token);
    assertEquals(
        "200 " + XML + "<Response><Say>Your favorite number is 5.</Say><Hangup/></Response>",
        retry.statusCode() + " " + retry.body());
    assertEquals(List.of("\"5\""), stored(postgres, caller));
  }

  private static HttpResponse<String> favorite(
      PostgresInstances instances, String caller, String digits) {
    return favorite(instances, caller, digits, UUID.randomUUID().toString());
  }

  private static HttpResponse<String> favorite(
      PostgresInstances instances, String caller, String digits, String token) {
    return PostgresInstances.signedPost(
        instances.a(),
        "twilio/monkey_handle",
        Map.of(
            "AccountSid",
            PostgresInstances.ACCOUNT_SID,
            "CallSid",
            "CA" + UUID.randomUUID().toString().replace("-", ""),
            "From",
            caller,
            "To",
            "+18005550111",
            "Digits",
            digits),
        token);
  }

  private static List<String> stored(Postgres postgres, String caller) {
    return postgres
        .query(
            "SELECT var_json FROM twilio_variable WHERE var_owner = ? AND var_name = 'favorite'",
            caller)
        .stream()
        .map(row -> String.valueOf(row.get("var_json")))
        .toList();
  }
}
