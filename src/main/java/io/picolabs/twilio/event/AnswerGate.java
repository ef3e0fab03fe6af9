package io.picolabs.twilio.event;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Who goes first, an event's answer without its rules (a webhook's deadline answering the fallback)
 * or a rule's commit. A rule's effects are committed only if the gate lets them through, and the
 * fallback is answered only once no commit can still land after it:
 *
 * <ul>
 *   <li>a rule runs its effects' statements first, which may wait for locks as long as the database
 *       makes them; only then, inside its transaction, it {@link #enterCommit enters}: if the
 *       fallback was answered meanwhile, it rolls back;
 *   <li>the deadline {@link #close closes} the gate; if a rule has entered and is committing (the
 *       statements are done, what is left is the database's commit), the deadline waits for it
 *       before it answers.
 * </ul>
 *
 * So a commit held up by a row lock past the deadline is rolled back, not kept behind the caller's
 * back, and a commit the deadline waited for landed before the answer went out.
 *
 * <p>Whoever answers the event may add a statement of its own to each of its rules' commits ({@link
 * #withEachCommit}): a webhook records there that the rules of its delivery committed, in the same
 * transaction as their effects.
 */
public final class AnswerGate {
  private static final int OPEN = 0;
  private static final int COMMITTING = 1;
  // closed while a commit was under way: closed for good when it ends
  private static final int CLOSING = 2;
  private static final int CLOSED = 3;

  private final AtomicInteger state = new AtomicInteger(OPEN);
  private volatile CommitStatement withEachCommit = last -> {};

  /** A statement of whoever answers the event, run inside each commit of the event's rules. */
  @FunctionalInterface
  public interface CommitStatement {
    /**
     * Runs inside the commit, after the effects' statements; {@code last} when no rule of the event
     * runs after this one, so that what the rules answered is complete now.
     */
    void run(boolean last);
  }

  /**
   * Runs {@code statement} inside each commit of the event's rules, after their own statements: it
   * commits with them or, if it throws, rolls them back.
   */
  public void withEachCommit(CommitStatement statement) {
    this.withEachCommit = statement;
  }

  /** Inside a rule's commit transaction, after the effects' statements. */
  void commitAlso(boolean last) {
    withEachCommit.run(last);
  }

  /** Whether the event was answered without waiting for its rules any longer. */
  public boolean closed() {
    return state.get() >= CLOSING;
  }

  /** A rule's commit begins: false if the event was answered without it (roll back). */
  boolean enterCommit() {
    return state.compareAndSet(OPEN, COMMITTING);
  }

  /** The commit that {@link #enterCommit entered} has ended, committed or not. */
  void leaveCommit() {
    if (!state.compareAndSet(COMMITTING, OPEN)) {
      state.compareAndSet(CLOSING, CLOSED);
    }
  }

  /**
   * Closes the gate: no rule commit begins after this. If a commit is under way, waits up to {@code
   * commitWait} for it to end and returns true once it has; false if it has not (the database did
   * not finish a commit whose statements were done: whether it lands is the database's to say).
   */
  public boolean close(Duration commitWait) {
    if (state.compareAndSet(OPEN, CLOSED)) {
      return true;
    }
    state.compareAndSet(COMMITTING, CLOSING);
    long until = System.nanoTime() + commitWait.toNanos();
    while (state.get() != CLOSED) {
      if (state.compareAndSet(OPEN, CLOSED)) { // the commit ended between the two steps above
        return true;
      }
      if (System.nanoTime() - until >= 0) {
        return false; // still CLOSING: closed for good when the commit ends
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return true;
  }
}
