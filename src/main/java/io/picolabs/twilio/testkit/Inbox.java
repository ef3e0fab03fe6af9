package io.picolabs.twilio.testkit;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What reached the simulated phone, of one kind (texts or calls), in order of arrival: the
 * snapshots, a waiting test's cursor per number, and the listeners told of each arrival.
 *
 * <p>The server sends concurrently while tests wait, so every access holds the inbox's monitor, and
 * each change wakes the waiters to look again.
 */
final class Inbox<T> {
  private static final System.Logger LOG = System.getLogger(Inbox.class.getName());

  private final String kind;
  private final Function<T, String> sidOf;
  private final Function<T, String> toOf;
  private final List<T> items = new ArrayList<>(); // guarded by this
  // per number, how many of its items earlier awaits returned; guarded by this
  private final Map<String, Integer> cursors = new HashMap<>();
  private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

  /** An inbox of {@code kind} ("text", "call"), for failure messages. */
  Inbox(String kind, Function<T, String> sidOf, Function<T, String> toOf) {
    this.kind = kind;
    this.sidOf = sidOf;
    this.toOf = toOf;
  }

  /** Keeps {@code item}, wakes the waiters, then tells the listeners (outside the monitor). */
  void add(T item) {
    add(() -> item);
  }

  /**
   * Keeps the item {@code make} gives, made under the inbox's monitor (so that items numbered as
   * they are made are kept in that order), wakes the waiters, then tells the listeners (outside the
   * monitor).
   *
   * @return the item kept
   */
  T add(Supplier<T> make) {
    T item;
    synchronized (this) {
      item = make.get();
      items.add(item);
      notifyAll();
    }
    for (Consumer<T> listener : listeners) {
      try {
        listener.accept(item);
      } catch (RuntimeException e) {
        // a broken console must not turn Twilio's 201 into a failure of the server's send
        LOG.log(Level.WARNING, "listener failed on " + item, e);
      }
    }
    return item;
  }

  /** Forgets every item and every waiting test's cursor; the listeners stay. */
  synchronized void clear() {
    items.clear();
    cursors.clear();
    notifyAll();
  }

  /** Replaces the item {@code sid} by {@code change} of it; empty if there is none. */
  synchronized Optional<T> update(String sid, UnaryOperator<T> change) {
    for (int i = 0; i < items.size(); i++) {
      if (sidOf.apply(items.get(i)).equals(sid)) {
        T changed = change.apply(items.get(i));
        items.set(i, changed);
        notifyAll();
        return Optional.of(changed);
      }
    }
    return Optional.empty();
  }

  synchronized Optional<T> find(String sid) {
    return items.stream().filter(item -> sidOf.apply(item).equals(sid)).findFirst();
  }

  synchronized List<T> all() {
    return List.copyOf(items);
  }

  synchronized List<T> to(String number) {
    return items.stream().filter(item -> toOf.apply(item).equals(number)).toList();
  }

  void listen(Consumer<T> listener) {
    listeners.add(listener);
  }

  /**
   * The oldest item to {@code number} that no earlier {@code next} for that number returned,
   * waiting up to {@code timeout} for it to arrive.
   *
   * @throws AssertionError if none arrives in time, listing what did
   */
  synchronized T next(String number, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<T> toNumber = to(number);
      int seen = cursors.getOrDefault(number, 0);
      if (toNumber.size() > seen) {
        cursors.put(number, seen + 1);
        return toNumber.get(seen);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no new "
                + kind
                + " to "
                + number
                + " within "
                + timeout.toMillis()
                + " ms ("
                + seen
                + " to it already returned); "
                + kind
                + "s so far: "
                + describe(items));
      }
      waitNanos(left);
    }
  }

  /**
   * The item {@code sid} once it satisfies {@code condition}, waiting up to {@code timeout}.
   *
   * @throws AssertionError if it does not in time, saying how it stands
   */
  synchronized T await(String sid, Predicate<T> condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> item = find(sid);
      if (item.isPresent() && condition.test(item.get())) {
        return item.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            kind
                + " "
                + sid
                + " not "
                + what
                + " within "
                + timeout.toMillis()
                + " ms: "
                + item.map(String::valueOf).orElse("no such " + kind));
      }
      waitNanos(left);
    }
  }

  private void waitNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(this, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a " + kind, e);
    }
  }

  private static String describe(List<?> items) {
    if (items.isEmpty()) {
      return "none";
    }
    StringBuilder list = new StringBuilder();
    for (Object item : items) {
      list.append("\n  ").append(item);
    }
    return list.toString();
  }
}
