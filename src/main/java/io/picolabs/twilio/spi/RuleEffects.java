package io.picolabs.twilio.spi;

import io.picolabs.twilio.rules.RuleEvent;
import java.util.function.Consumer;

/**
 * One kind of effect a rule has (directives for the answer, outbound actions, variable writes),
 * taken as a unit with the rule: kept only if the rule returns normally, undone if it fails.
 *
 * <p>The rule engine knows no kind of effect; it finds every bean of this type (they are
 * request-scoped, so each request has its own) and drives them through a rule's life: {@link
 * #savepoint} when the rule starts, {@link #check} when it returns, {@link #rollback} if it failed
 * or must run again, and, once the outermost rule of a nested chain has returned, {@link #commit}
 * in one database transaction and then {@link #publish}.
 */
public interface RuleEffects {

  /** What this effect holds now, for {@link #rollback} to return to. */
  Object savepoint();

  /**
   * The {@link #savepoint} of an instance that holds nothing yet, the same for every instance; or
   * null (the default). With one, the engine leaves the effect to be created by the first rule of a
   * request that uses it (through its client proxy) and takes this as its savepoint before that
   * rule: an event whose rules never use it never creates it. Without one, every event creates it.
   */
  default Object emptySavepoint() {
    return null;
  }

  /**
   * The rule that started at {@code savepoint} returned normally: check what it did. Throwing fails
   * the rule (its effects are then rolled back), as if the rule itself had thrown.
   */
  default void check(Object savepoint, String rule) {}

  /** Undoes everything done since {@code savepoint}: the rule failed or will be run again. */
  void rollback(Object savepoint);

  /** Whether {@link #commit} has anything to do: no transaction is opened for a rule without. */
  default boolean needsCommit(Object savepoint) {
    return false;
  }

  /**
   * Makes what was done since {@code savepoint} last, inside the transaction the engine opened for
   * it. Throwing {@link RuleConflict} runs the rule again; anything else fails it.
   */
  default void commit(Object savepoint) {}

  /**
   * After every effect committed: act on the world (send, notify), raising any outcome as an event
   * through {@code raise}. Cannot fail the rule any more.
   */
  default void publish(Object savepoint, Consumer<RuleEvent> raise) {}
}
