package io.picolabs.twilio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.picolabs.twilio.action.ActionUrls;
import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.action.Outbox;
import io.picolabs.twilio.action.TwilioActions;
import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Twilio;
import io.picolabs.twilio.state.EntityVariables;
import io.picolabs.twilio.state.MemoryVariables;
import io.picolabs.twilio.state.VariableWrites;
import io.picolabs.twilio.twiml.TwimlWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules are plain methods: they can be tested without a server, as docs/rules.md says. */
class HelloMonkeyTest {
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private final Directives directives = new Directives();
  private final Twilio twilio =
      new TwilioActions(directives, new Outbox(null, null, null, null, null), new ActionUrls(""));
  private final HelloMonkey rules = new HelloMonkey();

  @Test
  void greetsBigBirdAndAsksForADigit() {
    rules.answer(RuleEvent.of("twilio", "inbound_call", Map.of("From", "+8015552311")), twilio);
    assertEquals(
        XML
            + "<Response><Say>Hello Big Bird</Say><Gather action=\"/twilio/monkey_handle\""
            + " numDigits=\"1\"><Say>What is your favorite number?</Say></Gather></Response>",
        TwimlWriter.write(directives.response()));
  }

  @Test
  void anUnknownOrMissingCallerIsMonkey() {
    rules.answer(RuleEvent.of("twilio", "inbound_call", Map.of()), twilio);
    assertEquals(
        XML
            + "<Response><Say>Hello Monkey</Say><Gather action=\"/twilio/monkey_handle\""
            + " numDigits=\"1\"><Say>What is your favorite number?</Say></Gather></Response>",
        TwimlWriter.write(directives.response()));
  }

  @Test
  void saysTheDigitBackAndKeepsItAsTheCallersFavorite() {
    RuleEvent event =
        RuleEvent.of("twilio", "monkey_handle", Map.of("From", "+8015552311", "Digits", "4"));
    VariableWrites writes = new VariableWrites(new MemoryVariables(), Duration.ofHours(4));
    EntityVars ent = new EntityVariables(CurrentEvent.of(event), writes);
    rules.picked(event, twilio, ent);
    assertEquals(
        XML + "<Response><Say>Your favorite number is 4.</Say><Hangup/></Response>",
        TwimlWriter.write(directives.response()));
    assertEquals("4", ent.get("favorite", String.class));
    assertEquals("4", ent.of("+8015552311").get("favorite", String.class));
    assertNull(ent.of("+911").get("favorite", String.class));
  }
}
