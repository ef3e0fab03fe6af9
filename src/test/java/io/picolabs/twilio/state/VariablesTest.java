package io.picolabs.twilio.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.event.RuleTransaction;
import io.picolabs.twilio.rules.CallVars;
import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.RuleConflict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scopes, the typed getters and a rule's writes as a transaction, on the memory store. */
class VariablesTest {
  private static final RuleEvent CALL =
      RuleEvent.of(
          "twilio",
          "inbound_call",
          Map.of("From", "+18015552311", "To", "+18019917544", "CallSid", "CA1"));

  private final MemoryVariables store = new MemoryVariables();

  private VariableWrites request() {
    return new VariableWrites(store, Duration.ofHours(4));
  }

  private static EntityVars ent(RuleEvent event, VariableWrites writes) {
    return new EntityVariables(CurrentEvent.of(event), writes);
  }

  /** Runs {@code rule} as the engine does: a transaction over the request's writes. */
  private static void asRule(VariableWrites writes, Runnable rule) {
    new RuleTransaction(List.of(writes), Runnable::run).run(rule, "Test.rule", true);
  }

  @Test
  void theEntityIsTheOtherParty() {
    assertEquals("+18015552311", EntityVars.entityOf(CALL));
    assertEquals(
        "+18005550100",
        EntityVars.entityOf(
            RuleEvent.of(
                "twilio",
                "answered",
                Map.of(
                    "Direction", "outbound-api", "From", "+18019917544", "To", "+18005550100"))));
    assertEquals(
        "pico-1",
        EntityVars.entityOf(RuleEvent.of("notification", "status", Map.of("entity", "pico-1"))));
    assertEquals(
        "pico-2",
        EntityVars.entityOf(
            RuleEvent.of("twilio", "inbound_sms", Map.of("From", "+1", "entity", "pico-2"))));
    assertNull(EntityVars.entityOf(RuleEvent.of("notification", "status", Map.of("From", "+1"))));
  }

  @Test
  void anEventWithoutEntityOrCallSaysSo() {
    RuleEvent event = RuleEvent.of("notification", "status", Map.of());
    VariableWrites writes = request();
    IllegalStateException noEntity =
        assertThrows(IllegalStateException.class, () -> ent(event, writes).set("x", 1));
    assertEquals(
        "event notification status names no entity (no entity attribute, no From/To): use"
            + " ent.of(entity)",
        noEntity.getMessage());
    IllegalStateException noCall =
        assertThrows(
            IllegalStateException.class,
            () -> new CallVariables(CurrentEvent.of(event), writes).get("x", String.class));
    assertEquals(
        "event notification status is not about a call: it has no CallSid", noCall.getMessage());
  }

  @Test
  void valuesComeBackTyped() {
    VariableWrites writes = request();
    EntityVars ent = ent(CALL, writes);
    asRule(
        writes,
        () -> {
          ent.set("favorite", "7");
          ent.set("visits", 3);
          ent.set("ratio", 0.25);
          ent.set("vip", true);
          ent.set("tags", List.of("a", "b"));
          ent.set("profile", Map.of("name", "Big Bird", "age", 6));
        });
    VariableWrites later = request();
    EntityVars read = ent(CALL, later);
    assertEquals("7", read.get("favorite", String.class));
    assertEquals(3, read.get("visits", Integer.class));
    assertEquals(3L, read.get("visits", Long.class));
    assertEquals(0.25, read.get("ratio", Double.class));
    assertEquals(true, read.get("vip", Boolean.class));
    assertEquals(List.of("a", "b"), read.get("tags", List.class));
    List<String> tags =
        read.get("tags", new ArrayList<String>() {}.getClass().getGenericSuperclass());
    assertEquals(List.of("a", "b"), tags);
    assertEquals("Big Bird", read.get("profile", Map.class).get("name"));
    assertEquals(3, read.getOr("visits", 0));
    assertEquals(0, read.getOr("never", 0));
    assertEquals("none", read.getOr("never", "none"));
    assertNull(read.get("never", String.class));
    assertTrue(read.has("vip"));
    assertFalse(read.has("never"));
    assertEquals(Set.of("favorite", "visits", "ratio", "vip", "tags", "profile"), read.names());
  }

  @Test
  void aValueOfAnotherShapeIsRefusedNamingTheVariable() {
    VariableWrites writes = request();
    EntityVars ent = ent(CALL, writes);
    ent.set("favorite", "seven");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ent.get("favorite", Integer.class));
    assertEquals(
        "variable ent:favorite of +18015552311 holds \"seven\", which is not a Integer",
        e.getMessage());
  }

  @Test
  void badNamesAndValuesAreRefused() {
    EntityVars ent = ent(CALL, request());
    assertEquals(
        "a variable needs a name",
        assertThrows(IllegalArgumentException.class, () -> ent.set("", 1)).getMessage());
    assertEquals(
        "variable name xxxxxxxxxxxxxxxxxxxx… is 201 characters long; at most 200",
        assertThrows(IllegalArgumentException.class, () -> ent.set("x".repeat(201), 1))
            .getMessage());
    ent.set("x".repeat(200), 1);
    ent.set("big", "x".repeat(JsonValues.MAX_BYTES - 2)); // with its quotes: exactly the limit
    assertEquals(
        "variable big: the value is 65537 bytes as JSON; at most 65536",
        assertThrows(
                IllegalArgumentException.class,
                () -> ent.set("big", "x".repeat(JsonValues.MAX_BYTES - 1)))
            .getMessage());
    assertEquals(
        "variable big: the value is 65538 bytes as JSON; at most 65536",
        assertThrows(
                IllegalArgumentException.class,
                () -> ent.set("big", "é".repeat(JsonValues.MAX_BYTES / 2)))
            .getMessage());
    assertEquals(
        "variable gone: null is not a value; use remove(\"gone\")",
        assertThrows(IllegalArgumentException.class, () -> ent.set("gone", null)).getMessage());
    assertEquals(
        "variable visits: getOr needs a fallback that is not null; use get",
        assertThrows(IllegalArgumentException.class, () -> ent.getOr("visits", null)).getMessage());
  }

  @Test
  void aRuleSeesItsOwnWritesAndOthersOnlyOnceCommitted() {
    VariableWrites writes = request();
    EntityVars ent = ent(CALL, writes);
    asRule(
        writes,
        () -> {
          ent.set("favorite", "7");
          assertEquals("7", ent.get("favorite", String.class));
          assertNull(ent(CALL, request()).get("favorite", String.class));
          ent.remove("favorite");
          assertFalse(ent.has("favorite"));
          ent.set("favorite", "8");
        });
    assertEquals("8", ent(CALL, request()).get("favorite", String.class));
  }

  @Test
  void aFailingRuleLeavesNoWriteBehind() {
    VariableWrites writes = request();
    EntityVars ent = ent(CALL, writes);
    asRule(writes, () -> ent.set("kept", 1));
    assertThrows(
        IllegalStateException.class,
        () ->
            asRule(
                writes,
                () -> {
                  ent.set("kept", 2);
                  ent.set("lost", true);
                  throw new IllegalStateException("broke");
                }));
    assertEquals(Map.of("kept", "1"), store.all(Scope.ENTITY, "+18015552311", 0));
    assertEquals(1, ent.get("kept", Integer.class));
    assertFalse(ent.has("lost"));
  }

  @Test
  void aWriteBasedOnAStaleReadConflictsAndTheRuleRunsAgain() {
    VariableWrites first = request();
    VariableWrites second = request();
    EntityVars one = ent(CALL, first);
    EntityVars two = ent(CALL, second);
    int[] runs = {0};
    // both read 0; the first commits 1; the second's write of 1 would lose that update
    asRule(
        second,
        () -> {
          runs[0]++;
          int count = two.getOr("count", 0);
          if (runs[0] == 1) {
            asRule(first, () -> one.set("count", one.getOr("count", 0) + 1));
          }
          two.set("count", count + 1);
        });
    assertEquals(2, runs[0]);
    assertEquals(Map.of("count", "2"), store.all(Scope.ENTITY, "+18015552311", 0));
  }

  @Test
  void theConflictIsTheStoresAndNamesTheVariable() {
    VariableWrites writes = request();
    EntityVars ent = ent(CALL, writes);
    ent.getOr("count", 0);
    Object start = writes.savepoint();
    store.apply(
        List.of(
            new VariableStore.Change(
                new VarKey(Scope.ENTITY, "+18015552311", "count"), "5", null, 0)),
        0);
    ent.set("count", 1);
    RuleConflict e = assertThrows(RuleConflict.class, () -> writes.commit(start));
    assertEquals("ent:count of +18015552311 was changed by another event", e.getMessage());
  }

  @Test
  void aWriteThatReadNothingReplacesWithoutConflict() {
    VariableWrites writes = request();
    EntityVars ent = ent(CALL, writes);
    asRule(
        writes,
        () -> {
          asRule(request(), () -> ent(CALL, request()).set("favorite", "1"));
          ent.set("favorite", "2");
        });
    assertEquals("2", ent(CALL, request()).get("favorite", String.class));
  }

  @Test
  void theNewestOfAVariableAreItsCommittedValuesLastWrittenFirst() throws InterruptedException {
    VariableWrites first = request();
    asRule(first, () -> ent(CALL, first).of("+18005550001").set("favorite", 3));
    Thread.sleep(2); // the store keeps milliseconds
    VariableWrites second = request();
    asRule(second, () -> ent(CALL, second).of("+18005550002").set("favorite", "seven"));
    VariableWrites reader = request();
    EntityVars ent = ent(CALL, reader);
    ent.set("favorite", 9); // pending, not committed: not listed

    List<EntityVars.Latest<Object>> newest = ent.newest("favorite", Object.class, 10);
    assertEquals(
        List.of("+18005550002", "+18005550001"),
        newest.stream().map(EntityVars.Latest::entity).toList());
    assertEquals("seven", newest.get(0).value());
    assertEquals(3, ((Number) newest.get(1).value()).intValue());
    assertTrue(newest.get(0).written().isAfter(newest.get(1).written()));
    assertEquals(
        List.of("+18005550002"),
        ent.newest("favorite", Object.class, 1).stream().map(EntityVars.Latest::entity).toList());
  }

  @Test
  void appVariablesAreOneSetAndEntityVariablesOnePerParty() {
    VariableWrites writes = request();
    asRule(
        writes,
        () -> {
          new AppVariables(writes).set("calls", 10);
          ent(CALL, writes).set("calls", 1);
          ent(CALL, writes).of("+911").set("calls", 2);
        });
    RuleEvent other = RuleEvent.of("twilio", "inbound_sms", Map.of("From", "+911"));
    VariableWrites later = request();
    assertEquals(10, new AppVariables(later).get("calls", Integer.class));
    assertEquals(2, ent(other, later).get("calls", Integer.class));
    assertEquals(1, ent(CALL, later).get("calls", Integer.class));
  }

  @Test
  void callVariablesBelongToOneCallAndExpire() {
    MemoryVariables calls = new MemoryVariables();
    VariableWrites writes = new VariableWrites(calls, Duration.ofMillis(1));
    CallVars call = new CallVariables(CurrentEvent.of(CALL), writes);
    asRule(writes, () -> call.set("step", 1));
    RuleEvent otherCall =
        RuleEvent.of("twilio", "inbound_call", Map.of("From", "+18015552311", "CallSid", "CA2"));
    VariableWrites later = new VariableWrites(calls, Duration.ofHours(4));
    assertNull(new CallVariables(CurrentEvent.of(otherCall), later).get("step", Integer.class));
    long expiry = System.currentTimeMillis() + 5;
    assertEquals(Map.of(), calls.all(Scope.CALL, "CA1", expiry));
    assertEquals(1, calls.removeExpired(expiry));
  }
}
