package io.picolabs.twilio.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.event.RuleEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every result of a REST call becomes one outcome event, however the call failed. */
class TwilioOutcomesTest {
  private final List<RuleEvent> raised = new ArrayList<>();

  private Map<String, List<String>> only() {
    assertEquals(1, raised.size());
    return raised.get(0).attrs();
  }

  @Test
  void anAnswerIsRaisedWithTheParties() {
    TwilioOutcomes.deliver(
        "sms",
        "sms_sent",
        "+18015552311",
        "+18005551212",
        () -> Map.of("sid", "SM1"),
        null,
        raised::add);
    assertEquals("twilio sms_sent", raised.get(0).toString());
    assertEquals(
        Map.of(
            "sid", List.of("SM1"),
            "to", List.of("+18015552311"),
            "from", List.of("+18005551212"),
            "entity", List.of("+18015552311"),
            "account", List.of("default")),
        only());
  }

  @Test
  void anUnexpectedFailureIsAnUnknownOutcomeNotAnEscapedException() {
    TwilioOutcomes.deliver(
        "sms",
        "sms_sent",
        "+18015552311",
        "+18005551212",
        () -> {
          throw new IllegalStateException("boom");
        },
        "alerts",
        raised::add);
    assertEquals("twilio sms_unknown", raised.get(0).toString());
    assertEquals(
        Map.of(
            "reason", List.of("unexpected failure: java.lang.IllegalStateException: boom"),
            "to", List.of("+18015552311"),
            "from", List.of("+18005551212"),
            "entity", List.of("+18015552311"),
            "account", List.of("alerts")),
        only());
  }
}
