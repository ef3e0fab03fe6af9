package io.picolabs.twilio.relay;

import io.picolabs.twilio.rules.Relay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A reply made while it is spoken ({@link Relay#stream}): its pieces wait until the session takes
 * it ({@link #attach}: the rule committed and what was to be said before it went out), then go out
 * as they come, from whatever thread makes them. Cancelled by an interrupt, the session's end, or
 * its rule's failure: later pieces are dropped and the producer is told.
 */
final class StreamedReply implements Relay.RelayStream, Outgoing {
  private static final Logger LOG = Logger.getLogger(StreamedReply.class.getName());

  private final List<String> waiting = new ArrayList<>();
  private final List<Runnable> cancelActions = new ArrayList<>();
  private Consumer<String> out;
  private Runnable done;
  private boolean finished;
  private boolean cancelled;

  @Override
  public boolean token(String token) {
    Objects.requireNonNull(token, "token");
    synchronized (this) {
      if (cancelled) {
        return false;
      }
      if (finished) {
        throw new IllegalStateException("the reply has finished: no token after finish");
      }
      send(RelayReplies.textJson(token, false));
      return true;
    }
  }

  @Override
  public void finish(String lastToken) {
    Runnable then;
    synchronized (this) {
      if (cancelled || finished) {
        return;
      }
      finished = true;
      send(RelayReplies.textJson(lastToken == null ? "" : lastToken, true));
      then = done;
    }
    if (then != null) {
      then.run();
    }
  }

  @Override
  public void fail(Throwable failure) {
    LOG.log(Level.WARNING, "a streamed relay reply failed; ending it where it stopped", failure);
    finish("");
  }

  @Override
  public synchronized boolean cancelled() {
    return cancelled;
  }

  @Override
  public void onCancel(Runnable action) {
    Objects.requireNonNull(action, "action");
    synchronized (this) {
      if (!cancelled) {
        cancelActions.add(action);
        return;
      }
    }
    action.run();
  }

  /** Drops what is left and tells the producer; false if it had finished already. */
  boolean cancel() {
    List<Runnable> actions;
    synchronized (this) {
      if (cancelled || finished) {
        return false;
      }
      cancelled = true;
      waiting.clear();
      actions = List.copyOf(cancelActions);
      cancelActions.clear();
    }
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a streamed reply's cancel action failed", e);
      }
    }
    return true;
  }

  /**
   * The session takes the reply: what waits goes to {@code out} now, later pieces as they come, and
   * {@code done} runs when it finishes. True if it is over already (finished or cancelled).
   */
  synchronized boolean attach(Consumer<String> out, Runnable done) {
    waiting.forEach(out);
    waiting.clear();
    this.out = out;
    this.done = done;
    return finished || cancelled;
  }

  private void send(String json) {
    if (out == null) {
      waiting.add(json);
    } else {
      out.accept(json);
    }
  }
}
