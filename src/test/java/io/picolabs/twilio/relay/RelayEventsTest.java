package io.picolabs.twilio.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.rules.RuleEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayEventsTest {
  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aMessageIsAnEventOfItsRelayWithTheSetupsFieldsAndItsOwn() {
    // a custom parameter named like a field of the setup does not replace it
    Map<String, List<String>> setup =
        RelayEvents.setup(
            json(
                "{\"type\":\"setup\",\"sessionId\":\"VX1\",\"callSid\":\"CA1\",\"from\":\"+1\","
                    + "\"customParameters\":{\"tier\":\"gold\",\"from\":\"not the caller\"}}"));
    assertEquals(
        Map.of(
            "sessionId", List.of("VX1"),
            "callSid", List.of("CA1"),
            "from", List.of("+1"),
            "tier", List.of("gold")),
        setup);
    RuleEvent event =
        RelayEvents.of(
            "monkey",
            setup,
            json(
                "{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"We are\","
                    + "\"durationUntilInterruptMs\":460,\"last\":true,\"nothing\":null}"));
    assertEquals("twilio", event.domain());
    assertEquals("monkey_interrupt", event.type());
    assertEquals("460", event.attr("durationUntilInterruptMs"));
    assertEquals("true", event.attr("last"));
    assertEquals("CA1", event.attr("CallSid"), "attribute names in any case, as in webhooks");
    assertEquals("monkey", event.attr(RelayEvents.RELAY));
    assertEquals("interrupt", event.attr("type"));
    assertFalse(event.attrs().containsKey("nothing"));
    assertTrue(RelayEvents.isRelayEvent(event));
    assertFalse(
        RelayEvents.isRelayEvent(
            new RuleEvent("twilio", "inbound_call", Map.of("relay", List.of("monkey")))));
  }
}
