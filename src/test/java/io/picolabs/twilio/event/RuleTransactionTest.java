package io.picolabs.twilio.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.RuleConflict;
import io.picolabs.twilio.spi.RuleEffects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A rule as a transaction over effects the engine does not know. */
class RuleTransactionTest {

  /** An effect that writes down what the transaction asks of it. */
  static final class Recording implements RuleEffects {
    final List<String> calls = new ArrayList<>();
    int pending;
    int conflictsLeft;
    RuntimeException checkFails;

    @Override
    public Object savepoint() {
      calls.add("savepoint " + pending);
      return pending;
    }

    @Override
    public void check(Object savepoint, String rule) {
      calls.add("check " + rule);
      if (checkFails != null) {
        throw checkFails;
      }
    }

    @Override
    public void rollback(Object savepoint) {
      calls.add("rollback to " + savepoint);
      pending = (Integer) savepoint;
    }

    @Override
    public boolean needsCommit(Object savepoint) {
      return pending > 0;
    }

    @Override
    public void commit(Object savepoint) {
      if (conflictsLeft > 0) {
        conflictsLeft--;
        calls.add("commit conflicts");
        throw new RuleConflict("x", "x changed");
      }
      calls.add("commit " + pending);
      pending = 0;
    }

    @Override
    public void publish(Object savepoint, Consumer<RuleEvent> raise) {
      calls.add("publish");
    }
  }

  private final Recording effect = new Recording();
  private final List<String> transactions = new ArrayList<>();
  private final RuleTransaction transaction =
      new RuleTransaction(
          List.of(effect),
          commits -> {
            transactions.add("begin");
            commits.run();
            transactions.add("end");
          });

  @Test
  void aRuleThatReturnsIsCheckedCommittedInOneTransactionThenPublished() {
    transaction.run(() -> effect.pending++, "R.ok", true).publish(e -> {});
    assertEquals(List.of("savepoint 0", "check R.ok", "commit 1", "publish"), effect.calls);
    assertEquals(List.of("begin", "end"), transactions);
  }

  @Test
  void aRuleThatThrowsIsRolledBackAndNothingIsCommitted() {
    IllegalStateException broke = new IllegalStateException("broke");
    Runnable rule =
        () -> {
          effect.pending++;
          throw broke;
        };
    assertSame(
        broke,
        assertThrows(IllegalStateException.class, () -> transaction.run(rule, "R.bad", true)));
    assertEquals(List.of("savepoint 0", "rollback to 0"), effect.calls);
    assertEquals(0, effect.pending);
    assertEquals(List.of(), transactions);
  }

  @Test
  void aFailedCheckFailsTheRule() {
    effect.checkFails = new IllegalArgumentException("credentials missing");
    assertThrows(
        IllegalArgumentException.class,
        () -> transaction.run(() -> effect.pending++, "R.send", true));
    assertEquals(List.of("savepoint 0", "check R.send", "rollback to 0"), effect.calls);
    assertEquals(List.of(), transactions);
  }

  @Test
  void aNestedRuleLeavesItsEffectsToTheOutermostRule() {
    transaction
        .run(
            () -> {
              effect.pending++;
              transaction.run(() -> effect.pending++, "R.inner", false).publish(e -> {});
            },
            "R.outer",
            true)
        .publish(e -> {});
    assertEquals(
        List.of(
            "savepoint 0", "savepoint 1", "check R.inner", "check R.outer", "commit 2", "publish"),
        effect.calls);
    assertEquals(List.of("begin", "end"), transactions);
  }

  @Test
  void anOuterRuleFailingUndoesWhatItsNestedRulesDid() {
    assertThrows(
        IllegalStateException.class,
        () ->
            transaction.run(
                () -> {
                  transaction.run(() -> effect.pending++, "R.inner", false);
                  throw new IllegalStateException("outer broke");
                },
                "R.outer",
                true));
    assertEquals(0, effect.pending);
    assertEquals(List.of(), transactions);
  }

  @Test
  void aConflictRunsTheRuleAgainOnFreshData() {
    effect.conflictsLeft = 2;
    int[] runs = {0};
    transaction.run(
        () -> {
          runs[0]++;
          effect.pending++;
        },
        "R.count",
        true);
    assertEquals(3, runs[0]);
    assertEquals(
        List.of(
            "savepoint 0",
            "check R.count",
            "commit conflicts",
            "rollback to 0",
            "check R.count",
            "commit conflicts",
            "rollback to 0",
            "check R.count",
            "commit 1"),
        effect.calls);
  }

  @Test
  void endlessConflictsFailTheRuleAfterTheLastAttempt() {
    effect.conflictsLeft = Integer.MAX_VALUE;
    int[] runs = {0};
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                transaction.run(
                    () -> {
                      runs[0]++;
                      effect.pending++;
                    },
                    "R.count",
                    true));
    assertEquals(RuleTransaction.MAX_ATTEMPTS, runs[0]);
    assertEquals("gave up after 50 attempts: x changed", e.getMessage());
    assertEquals(0, effect.pending);
  }

  @Test
  void aRuleThatReturnsAfterTheEventWasAnsweredWithoutItCommitsNothing() {
    AnswerGate gate = new AnswerGate();
    RuleTransaction late =
        new RuleTransaction(List.of(effect), commits -> transactions.add("begin"), gate);
    RuleTransaction.LateRule e =
        assertThrows(
            RuleTransaction.LateRule.class,
            () ->
                late.run(
                    () -> {
                      effect.pending++;
                      gate.close(Duration.ZERO); // the deadline answered the fallback meanwhile
                    },
                    "R.slow",
                    true));
    assertEquals(
        "it returned after the event was answered without it (the deadline's fallback); what it"
            + " did is dropped: nothing sent, nothing written",
        e.getMessage());
    assertEquals(List.of("savepoint 0", "check R.slow", "rollback to 0"), effect.calls);
    assertEquals(0, effect.pending);
    assertEquals(List.of(), transactions);
  }

  /**
   * The rule returned in time, but its commit's statements waited for a lock past the deadline: the
   * transaction rolls back (the exception leaves it), and nothing is published.
   */
  @Test
  void aCommitHeldUpUntilTheEventWasAnsweredWithoutItRollsBack() {
    AnswerGate gate = new AnswerGate();
    RuleTransaction held =
        new RuleTransaction(
            List.of(effect),
            commits -> {
              transactions.add("begin");
              gate.close(Duration.ZERO); // the deadline, while the statements wait for a lock
              try {
                commits.run();
                transactions.add("commit");
              } catch (RuntimeException e) {
                transactions.add("rollback");
                throw e;
              }
            },
            gate);
    RuleTransaction.LateRule e =
        assertThrows(
            RuleTransaction.LateRule.class, () -> held.run(() -> effect.pending++, "R.held", true));
    assertEquals(
        "its commit was held up (a lock?) until after the event was answered without it (the"
            + " deadline's fallback); what it did is dropped: nothing sent, nothing written",
        e.getMessage());
    assertEquals(List.of("begin", "rollback"), transactions);
    assertEquals(List.of("savepoint 0", "check R.held", "commit 1", "rollback to 0"), effect.calls);
    assertTrue(gate.closed());
  }

  /** A commit that entered the gate before the deadline lands; the gate is open again after it. */
  @Test
  void aCommitThatEnteredLeavesTheGateOpenForTheNextRule() {
    AnswerGate gate = new AnswerGate();
    new RuleTransaction(List.of(effect), Runnable::run, gate)
        .run(() -> effect.pending++, "R.first", true);
    assertTrue(gate.enterCommit(), "open again for the event's next rule");
  }

  @Test
  void aRuleWithNothingToCommitOpensNoTransaction() {
    transaction.run(() -> {}, "R.say", true).publish(e -> {});
    assertEquals(List.of(), transactions);
    assertEquals(List.of("savepoint 0", "check R.say", "publish"), effect.calls);
  }

  /** A kind of effect created only when a rule first uses it, as a request-scoped bean is. */
  static final class Lazy extends RuleTransaction.Slot {
    Recording created;

    Recording use() {
      if (created == null) {
        created = new Recording();
      }
      return created;
    }

    @Override
    RuleEffects existing() {
      return created;
    }

    @Override
    Object empty() {
      return 0;
    }
  }

  @Test
  void anEffectNoRuleUsesIsNeverCreatedNorAsked() {
    Lazy unused = new Lazy();
    Lazy used = new Lazy();
    RuleTransaction lazy =
        new RuleTransaction(
            List.of(RuleTransaction.Slot.of(effect), unused, used),
            new AnswerGate(),
            commits -> {
              transactions.add("begin");
              commits.run();
              transactions.add("end");
            });
    lazy.run(() -> used.use().pending += 2, "R.uses", true).publish(e -> {});
    assertEquals(null, unused.created);
    // created by the rule: checked, committed and published from its empty savepoint
    assertEquals(List.of("check R.uses", "commit 2", "publish"), used.created.calls);
    assertEquals(List.of("savepoint 0", "check R.uses", "commit 0", "publish"), effect.calls);
    assertEquals(List.of("begin", "end"), transactions);
    // the next rule finds it created: it takes its savepoint as any
    lazy.run(() -> {}, "R.next", true);
    assertEquals("savepoint 0", used.created.calls.get(3));
  }

  @Test
  void anEffectCreatedByARuleThatFailsIsRolledBackToEmpty() {
    Lazy used = new Lazy();
    RuleTransaction lazy =
        new RuleTransaction(List.of(used), new AnswerGate(), commits -> transactions.add("begin"));
    Runnable rule =
        () -> {
          used.use().pending = 3;
          throw new IllegalStateException("broke");
        };
    assertThrows(IllegalStateException.class, () -> lazy.run(rule, "R.bad", true));
    assertEquals(List.of("rollback to 0"), used.created.calls);
    assertEquals(0, used.created.pending);
    assertEquals(List.of(), transactions);
  }
}
