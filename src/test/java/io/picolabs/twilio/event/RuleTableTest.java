package io.picolabs.twilio.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The rule checks with the CDI container of the tests (Weld SE, the CDI implementation Liberty
 * runs): faulty rules refuse the container's start naming each faulty method, all at once; good
 * rules start it and are listed in the rule table.
 */
class RuleTableTest {

  private static final String P = RuleTableTest.class.getName() + "$";

  /** A bean a rule may take besides its event. */
  @Dependent
  static class Clock {}

  /** Not a bean: nothing supplies it. */
  static final class Unknown {
    private Unknown() {}
  }

  @ApplicationScoped
  static class GoodRules {
    void answer(
        @Observes @Priority(100) @Select(domain = "twilio", type = "inbound_call") RuleEvent e,
        Clock clock) {}

    void greet(@Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent e) {}

    void text(
        @Observes @Priority(50) @Select(domain = "twilio", type = "inbound_sms") RuleEvent e) {}

    void every(@Observes RuleEvent e) {}

    void notARule(@Observes String text) {}
  }

  @ApplicationScoped
  static class FaultyRules {
    void emptyDomain(@Observes @Select(domain = "", type = "inbound_call") RuleEvent e) {}

    void spacedType(@Observes @Select(domain = "twilio", type = "inbound call") RuleEvent e) {}

    void later(@ObservesAsync @Select(domain = "twilio", type = "inbound_sms") RuleEvent e) {}

    void afterCommit(
        @Observes(during = TransactionPhase.AFTER_SUCCESS)
            @Select(domain = "twilio", type = "inbound_sms")
            RuleEvent e) {}

    void wants(
        @Observes @Select(domain = "twilio", type = "inbound_sms") RuleEvent e,
        Clock clock,
        Unknown unknown) {}

    void notAnEvent(@Observes @Select(domain = "twilio", type = "inbound_sms") String body) {}

    void twice(@Observes @Select(domain = "twilio", type = "a") RuleEvent e) {}

    void twice(@Observes @Select(domain = "twilio", type = "b") RuleEvent e, Clock clock) {}
  }

  private static WeldContainer start(RuleTable table, Class<?>... beans) {
    return new Weld()
        .disableDiscovery()
        .addExtension(table)
        .addBeanClasses(beans)
        .addBeanClass(Clock.class)
        .initialize();
  }

  @Test
  void everyFaultyRuleIsNamedInOneFailure() {
    RuntimeException refused =
        assertThrows(RuntimeException.class, () -> start(new RuleTable(), FaultyRules.class));
    String message = refused.getMessage();
    List<String> expected =
        List.of(
            P
                + "FaultyRules.emptyDomain(RuleEvent): @Select domain \"\" is empty; use letters,"
                + " digits, _ and -",
            P
                + "FaultyRules.spacedType(RuleEvent): @Select type \"inbound call\" is malformed; use"
                + " letters, digits, _ and -",
            P
                + "FaultyRules.later(RuleEvent): a rule cannot be asynchronous (@ObservesAsync); the"
                + " engine runs rules one by one while the request waits: use @Observes",
            P
                + "FaultyRules.afterCommit(RuleEvent): a rule cannot wait for a transaction phase"
                + " (during = AFTER_SUCCESS); the engine runs it at once: use @Observes without"
                + " during",
            P
                + "FaultyRules.wants(RuleEvent, Clock, Unknown): parameter 3 ("
                + P
                + "Unknown) is not something the engine can supply: a rule's parameters are its"
                + " RuleEvent and beans (Twilio, the variables, any bean of the application)",
            P
                + "FaultyRules.notAnEvent(String): @Select on an event of type java.lang.String;"
                + " rules observe RuleEvent (the engine raises nothing else)",
            "two rules are named FaultyRules.twice ("
                + P
                + "FaultyRules.twice(RuleEvent"
                + "), "
                + P
                + "FaultyRules.twice(RuleEvent, Clock)); rename one (logs and metrics name rules"
                + " Class.method)");
    assertTrue(message.contains("the rules cannot run as written (7 problems):\n"), message);
    for (String problem : expected) {
      assertTrue(
          message.contains("\n  " + problem + "\n") || message.endsWith("\n  " + problem),
          () -> "missing\n  " + problem + "\nin\n" + message);
    }
  }

  @Test
  void goodRulesStartAndAreListedByEventInPriorityOrder() {
    RuleTable table = new RuleTable();
    try (WeldContainer container = start(table, GoodRules.class)) {
      assertEquals(
          "4 rules:\n"
              + "  twilio inbound_call -> GoodRules.answer (100), GoodRules.greet (2500)\n"
              + "  twilio inbound_sms -> GoodRules.text (50)\n"
              + "  (every event) -> GoodRules.every (2500)",
          table.table());
      List<String> names =
          container
              .getBeanManager()
              .resolveObserverMethods(
                  RuleEvent.of("twilio", "inbound_call", Map.of()),
                  new Select.Literal("twilio", "inbound_call"))
              .stream()
              .sorted(table.order())
              .map(table::nameOf)
              .toList();
      // equal priorities (2500): by name
      assertEquals(List.of("GoodRules.answer", "GoodRules.every", "GoodRules.greet"), names);
    }
  }
}
