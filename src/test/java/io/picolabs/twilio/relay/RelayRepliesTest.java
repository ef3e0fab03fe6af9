package io.picolabs.twilio.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.RuleEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayRepliesTest {
  private final RelayReplies relay =
      new RelayReplies(
          CurrentEvent.of(
              new RuleEvent("twilio", "monkey_prompt", Map.of("relay", List.of("monkey")))));

  @Test
  void eachActionIsTheMessageTwilioReads() {
    Object start = relay.savepoint();
    relay.token("Hello ").lang("en-US");
    relay.text("world").interruptible(false).preemptible(true);
    relay.play("https://example.com/a.mp3").loop(0).interruptible(true);
    relay.sendDigits("12w#*");
    relay.language(null, "es-ES");
    relay.end(null);
    relay.check(start, "rule");
    assertEquals(
        List.of(
            "{\"type\":\"text\",\"token\":\"Hello \",\"last\":false,\"lang\":\"en-US\"}",
            "{\"type\":\"text\",\"token\":\"world\",\"last\":true,\"interruptible\":false,"
                + "\"preemptible\":true}",
            "{\"type\":\"play\",\"source\":\"https://example.com/a.mp3\",\"loop\":0,"
                + "\"interruptible\":true}",
            "{\"type\":\"sendDigits\",\"digits\":\"12w#*\"}",
            "{\"type\":\"language\",\"transcriptionLanguage\":\"es-ES\"}",
            "{\"type\":\"end\"}"),
        relay.messages());
    assertTrue(relay.ends());
  }

  @Test
  void aTokenMadeLastEndsTheReply() {
    relay.token("a").last();
    assertEquals(List.of("{\"type\":\"text\",\"token\":\"a\",\"last\":true}"), relay.messages());
    assertFalse(relay.ends());
  }

  @Test
  void messagesTwilioWouldRefuseFailTheRuleAndAreRolledBack() {
    relay.text("kept");
    for (Runnable refused :
        List.<Runnable>of(
            () -> relay.text(null),
            () -> relay.play(" "),
            () -> relay.sendDigits("12a"),
            () -> relay.language(null, null),
            () -> {
              relay.end("{}");
              relay.text("after the end");
            })) {
      Object point = relay.savepoint();
      refused.run();
      assertThrows(RuntimeException.class, () -> relay.check(point, "rule"));
      relay.rollback(point);
    }
    assertEquals(List.of("{\"type\":\"text\",\"token\":\"kept\",\"last\":true}"), relay.messages());
  }

  @Test
  void relayActionsOutsideARelayEventFailTheRule() {
    RelayReplies inWebhook =
        new RelayReplies(CurrentEvent.of(new RuleEvent("twilio", "inbound_call", Map.of())));
    Object point = inWebhook.savepoint();
    inWebhook.text("nowhere");
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> inWebhook.check(point, "Rules.rule"));
    assertEquals(
        "Rules.rule gave relay messages for an event of no relay session: inbound_call",
        failure.getMessage());
  }

  @Test
  void aStreamedReplyOfARuleThatFailsIsCancelled() {
    Object point = relay.savepoint();
    io.picolabs.twilio.rules.Relay.RelayStream stream = relay.stream();
    assertTrue(stream.token("made before the rule failed"));
    relay.rollback(point);
    assertTrue(stream.cancelled());
    assertFalse(stream.token("after"));
    assertEquals(List.of(), relay.outgoing());
  }
}
