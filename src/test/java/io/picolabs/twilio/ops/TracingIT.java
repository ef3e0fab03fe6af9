package io.picolabs.twilio.ops;

import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.ProjectServer;
import io.picolabs.twilio.testkit.FakeTwilio;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Traces with an exporter configured (the logging one, into messages.log): the event channel's
 * request, the rule it ran, and the REST call that sent the rule's message later from the outbox
 * are one trace, the call in a span {@code twilio send sms} continuing the context kept with the
 * outbox entry. On a server of its own (the shared {@link ProjectServer}): the SDK is configured by
 * the server's environment.
 */
class TracingIT {
  /** A span as the logging exporter writes it: {@code 'name' : traceId spanId KIND [tracer…]}. */
  private static final Pattern SPAN =
      Pattern.compile("'([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) ([A-Z]+)");

  private record Span(String name, String trace, String id, String kind) {}

  @Test
  void theRulesSendIsInTheTraceOfTheRequestThatRanTheRule() {
    ProjectServer shared = ProjectServer.get();
    shared.quiet();
    FakeTwilio twilio = shared.twilio();
    LibertyServer server = shared.server();
    int mark = server.messages().length(); // spans of earlier tests on the shared server before
    HttpResponse<String> raised =
        event(
            server.base(),
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\","
                + "\"message\":\"traced\"}");
    assertEquals(200, raised.statusCode(), raised.body());

    List<Span> spans =
        eventually(
            30,
            "the spans of the request, the rule and the send in messages.log",
            () -> {
              List<Span> found = spans(server.messages().substring(mark));
              boolean sent = found.stream().anyMatch(s -> s.name().equals("twilio send sms"));
              boolean rule =
                  found.stream().anyMatch(s -> s.name().equals("rule NotificationSms.sms"));
              return sent && rule ? Optional.of(found) : Optional.empty();
            });
    assertEquals(1, twilio.texts().size(), twilio.texts().toString());

    Span rule = named(spans, "rule NotificationSms.sms");
    Span send = named(spans, "twilio send sms");
    Span request =
        spans.stream()
            .filter(s -> s.kind().equals("SERVER") && s.name().contains("/events/"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no server span of /events/ in " + spans));
    assertEquals(request.trace(), rule.trace(), spans.toString());
    assertEquals(request.trace(), send.trace(), spans.toString());
    // the REST client's own span, under the send
    assertTrue(
        spans.stream().anyMatch(s -> s.kind().equals("CLIENT") && s.trace().equals(send.trace())),
        spans.toString());
    System.out.println("TracingIT: " + spans);
  }

  private static Span named(List<Span> spans, String name) {
    return spans.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
  }

  private static List<Span> spans(String log) {
    List<Span> spans = new ArrayList<>();
    Matcher span = SPAN.matcher(log);
    while (span.find()) {
      spans.add(new Span(span.group(1), span.group(2), span.group(3), span.group(4)));
    }
    return spans;
  }
}
