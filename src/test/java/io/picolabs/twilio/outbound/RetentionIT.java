package io.picolabs.twilio.outbound;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.rest.OutboundRules;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.FakeTwilio;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox keeps settled entries only for {@code twilio.outbox.retention-seconds} (2 s here): a
 * sent message leaves the log; one still being sent stays.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {
  static final FakeTwilio TWILIO = FakeTwilio.start(AUTH_TOKEN).messagesStayQueued();

  @Deployment(testable = false)
  static WebArchive application() {
    String config =
        String.join(
            "\n",
            "twilio.api-url=" + TWILIO.url(),
            "twilio.account-sid=AC00000000000000000000000000000041",
            "twilio.connect-timeout-ms=1000",
            "twilio.read-timeout-ms=15000",
            "twilio.outbox.poll-ms=200",
            "twilio.outbox.retention-seconds=2",
            tokens());
    return Wars.project("retention.war")
        .addClass(OutboundRules.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  @ArquillianResource URL base;

  private String send(String message) {
    HttpResponse<String> answer =
        event(
            base,
            "events/test/send",
            "application/json",
            "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"message\":\"" + message + "\"}");
    assertEquals(200, answer.statusCode(), answer.body());
    List<String> ids = outboxIds(answer.body());
    assertEquals(1, ids.size(), answer.body());
    return ids.get(0);
  }

  /** The states of {@code ids} in the log, by id; an id not in the log is "gone". */
  private Map<String, String> states(List<String> ids) {
    HttpResponse<String> page = withToken(base, "messages?size=500");
    assertEquals(200, page.statusCode(), page.body());
    Map<String, String> states = new TreeMap<>();
    ids.forEach(id -> states.put(id, "gone"));
    json(page.body()).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
        .filter(entry -> ids.contains(entry.getString("id")))
        .forEach(entry -> states.put(entry.getString("id"), entry.getString("state")));
    return states;
  }

  @Test
  void aSettledMessageLeavesTheLogAfterTheRetentionAndOneInFlightStays() {
    String sent = send("kept briefly");
    eventually(
        10,
        "the first message sent",
        () ->
            states(List.of(sent)).get(sent).equals("sent") ? Optional.of(true) : Optional.empty());
    // the next one is accepted but answered only after 8 s: in flight, never settled meanwhile
    TWILIO.nextPost(
        FakeTwilio.Scripted.answer(201, "{\"sid\":\"SM00000000000000000000000000000042\"}")
            .after(Duration.ofSeconds(8)));
    String inFlight = send("still in flight");

    Map<String, String> expected = new TreeMap<>(Map.of(sent, "gone", inFlight, "sending"));
    Map<String, String> after =
        eventually(
            10,
            "the sent message removed",
            () -> {
              Map<String, String> now = states(List.of(sent, inFlight));
              return now.get(sent).equals("gone") ? Optional.of(now) : Optional.empty();
            });
    assertEquals(expected, after);

    // settled before the fake goes: the server's database is shared by the test classes'
    // deployments, and an entry left in flight would be sent by the next one, to its fake
    eventually(
        20,
        "the message in flight sent",
        () ->
            states(List.of(inFlight)).get(inFlight).equals("sending")
                ? Optional.empty()
                : Optional.of(true));
  }
}
