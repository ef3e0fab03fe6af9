package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.RuleConflict;
import io.picolabs.twilio.spi.RuleEffects;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs one rule as a transaction over every kind of {@link RuleEffects}: the rule's effects are
 * checked when it returns, undone if it fails, and, for the outermost rule of a chain of raised
 * events, committed together (nested rules' effects join their outermost rule's).
 *
 * <p>A commit that meets a {@link RuleConflict} undoes the rule's effects and runs it again. Rules
 * of this instance that conflicted on the same thing then run one at a time (a fair lock per
 * contended thing), so fifty webhooks incrementing one counter queue up instead of retrying into
 * each other until one gives up; only rules of other instances can still conflict with a retry, and
 * those are retried again after a short random pause.
 *
 * <p>The commit goes through the event's {@link AnswerGate}: the effects' statements run first
 * (waiting for locks if they must), then, still inside the transaction, the commit enters the gate,
 * or rolls back if the event was answered without it meanwhile. A commit held up past a webhook's
 * deadline is thus undone, never kept behind the fallback the caller heard.
 */
public final class RuleTransaction {
  /** Attempts in all for a rule whose commits keep conflicting. */
  public static final int MAX_ATTEMPTS = 50;

  private static final int MAX_PAUSE_MS = 64;
  // Striped: two contended things may share a lock, which only serializes a little more.
  private static final ReentrantLock[] CONTENDED = new ReentrantLock[64];

  static {
    for (int i = 0; i < CONTENDED.length; i++) {
      CONTENDED[i] = new ReentrantLock(true);
    }
  }

  // what a rule saw of a kind of effect not yet created when it started
  private static final Object ABSENT = new Object();

  private final List<Slot> slots;
  private final Consumer<Runnable> transaction;
  private final AnswerGate gate;

  /**
   * One kind of effect in one request: its instance, which a kind created only when a rule uses it
   * lacks until then.
   */
  abstract static class Slot {
    /** The instance, or null while none was created. */
    abstract RuleEffects existing();

    /** The savepoint of the instance before it was created: its empty savepoint. */
    abstract Object empty();

    /** A kind whose instance exists. */
    static Slot of(RuleEffects effects) {
      return new Slot() {
        @Override
        RuleEffects existing() {
          return effects;
        }

        @Override
        Object empty() {
          throw new IllegalStateException("an effect that existed has no empty savepoint here");
        }
      };
    }
  }

  /**
   * {@code transaction} runs the commits of every effect in one (database) transaction, rolled back
   * if they throw.
   */
  public RuleTransaction(List<RuleEffects> effects, Consumer<Runnable> transaction) {
    this(effects, transaction, new AnswerGate());
  }

  /**
   * As above; nothing is committed once {@code gate} is closed (the event answered without its
   * rules: the deadline's fallback).
   */
  public RuleTransaction(
      List<RuleEffects> effects, Consumer<Runnable> transaction, AnswerGate gate) {
    this(effects.stream().map(Slot::of).toList(), gate, transaction);
  }

  /** Over {@code slots}, some of whose effects may come to exist only as rules use them. */
  RuleTransaction(List<Slot> slots, AnswerGate gate, Consumer<Runnable> transaction) {
    this.slots = List.copyOf(slots);
    this.transaction = transaction;
    this.gate = gate;
  }

  /** A rule that returned and committed: what is left is to {@link #publish} its effects. */
  public final class Done {
    private final Object[] savepoints;
    private final RuleEffects[] effects;

    private Done(Object[] savepoints, RuleEffects[] effects) {
      this.savepoints = savepoints;
      this.effects = effects;
    }

    /** Lets each effect act on the world, raising outcomes through {@code raise}. */
    public void publish(Consumer<RuleEvent> raise) {
      for (int i = 0; i < effects.length; i++) {
        if (effects[i] != null) {
          effects[i].publish(savepoints[i], raise);
        }
      }
    }
  }

  /**
   * Runs {@code rule}; throws what it failed with, its effects undone. For a nested rule ({@code
   * outermost} false) the effects stay pending until the outermost rule commits, and publishing
   * them is that rule's.
   */
  public Done run(Runnable rule, String name, boolean outermost) {
    return run(rule, name, outermost, false);
  }

  /**
   * As {@link #run(Runnable, String, boolean)}; {@code last} when it is the last rule of the event
   * being answered (the gate's statement is told so inside its commit).
   */
  public Done run(Runnable rule, String name, boolean outermost, boolean last) {
    Object[] savepoints = new Object[slots.size()];
    for (int i = 0; i < savepoints.length; i++) {
      RuleEffects effect = slots.get(i).existing();
      savepoints[i] = effect == null ? ABSENT : effect.savepoint();
    }
    ReentrantLock queue = null;
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return attempt(rule, name, outermost, last, savepoints);
        } catch (RuleConflict conflict) {
          rollback(savepoints);
          if (attempt >= MAX_ATTEMPTS || !outermost) {
            throw new IllegalStateException(
                "gave up after " + attempt + " attempts: " + conflict.getMessage(), conflict);
          }
          if (queue == null) {
            queue = CONTENDED[Math.floorMod(conflict.contended().hashCode(), CONTENDED.length)];
            queue.lock();
          } else {
            pause(); // even one at a time here, a rule of another instance got in between
          }
        } catch (RuntimeException | Error e) {
          rollback(savepoints);
          throw e;
        }
      }
    } finally {
      if (queue != null) {
        queue.unlock();
      }
    }
  }

  private Done attempt(
      Runnable rule, String name, boolean outermost, boolean last, Object[] savepoints) {
    rule.run();
    RuleEffects[] effects = present(savepoints);
    for (int i = 0; i < effects.length; i++) {
      if (effects[i] != null) {
        effects[i].check(savepoints[i], name);
      }
    }
    if (!outermost) {
      return new Done(new Object[0], new RuleEffects[0]);
    }
    if (gate.closed()) {
      throw late("it returned");
    }
    if (needsCommit(savepoints, effects)) {
      boolean[] entered = {false};
      try {
        transaction.accept(
            () -> {
              for (int i = 0; i < effects.length; i++) {
                if (effects[i] != null) {
                  effects[i].commit(savepoints[i]);
                }
              }
              gate.commitAlso(last);
              entered[0] = gate.enterCommit();
              if (!entered[0]) {
                throw late("its commit was held up (a lock?) until");
              }
            });
      } finally {
        if (entered[0]) {
          gate.leaveCommit();
        }
      }
    }
    return new Done(savepoints, effects);
  }

  /**
   * The effects that exist now; one a rule created since {@code savepoints} were taken gets its
   * empty savepoint there.
   */
  private RuleEffects[] present(Object[] savepoints) {
    RuleEffects[] effects = new RuleEffects[savepoints.length];
    for (int i = 0; i < effects.length; i++) {
      effects[i] = slots.get(i).existing();
      if (effects[i] != null && savepoints[i] == ABSENT) {
        savepoints[i] = slots.get(i).empty();
      }
    }
    return effects;
  }

  private static LateRule late(String what) {
    return new LateRule(
        what
            + " after the event was answered without it (the deadline's fallback);"
            + " what it did is dropped: nothing sent, nothing written");
  }

  /** A rule that returned too late for its effects to go with the event's answer. */
  public static final class LateRule extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LateRule(String message) {
      super(message);
    }
  }

  private static boolean needsCommit(Object[] savepoints, RuleEffects[] effects) {
    for (int i = 0; i < effects.length; i++) {
      if (effects[i] != null && effects[i].needsCommit(savepoints[i])) {
        return true;
      }
    }
    return false;
  }

  private void rollback(Object[] savepoints) {
    RuleEffects[] effects = present(savepoints);
    for (int i = effects.length - 1; i >= 0; i--) {
      if (effects[i] != null) {
        effects[i].rollback(savepoints[i]);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, MAX_PAUSE_MS + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to run the rule again", e);
    }
  }
}
