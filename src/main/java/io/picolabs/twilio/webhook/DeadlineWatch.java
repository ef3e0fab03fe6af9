package io.picolabs.twilio.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread that watches the deadlines of the webhooks whose rules run on their request thread,
 * and acts for each one whose deadline passes before its rules return ({@link Deadline}).
 *
 * <p>Why a thread of our own that looks every {@value #TICK_MILLIS} ms, and not a scheduled task
 * per request: a request then costs adding itself to a set and removing itself (no timer queue, no
 * wake-up of anyone); the container's scheduled executors scan their pending tasks on every
 * schedule, which was measured slower than the hand-off this replaces (docs/adr/0001). A deadline
 * is seconds long: acting up to a tick late does not matter. What it does for an overdue webhook
 * runs on this thread, one at a time: a commit under way at a deadline, which that webhook's answer
 * waits for (at most a second, {@link Deadline#COMMIT_WAIT}), delays the next overdue one's by as
 * much.
 */
@ApplicationScoped
public class DeadlineWatch {
  private static final Logger LOG = Logger.getLogger(DeadlineWatch.class.getName());
  static final long TICK_MILLIS = 10;

  @Resource ManagedThreadFactory threadFactory;

  private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  /** A deadline being watched: ended by whichever comes first, its rules or the deadline. */
  public final class Watch {
    private static final int RUNNING = 0;
    private static final int RETURNED = 1;
    private static final int OVERDUE = 2;
    private static final int ACTED = 3;

    private final long due;
    private final Runnable overdue;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Watch(long due, Runnable overdue) {
      this.due = due;
      this.overdue = overdue;
    }

    /**
     * The rules returned: true if in time (the watch ends, nothing was done for it); false if the
     * deadline came first, once what it did for it (the caller's answer) is done.
     */
    public boolean returned() {
      if (state.compareAndSet(RUNNING, RETURNED)) {
        watched.remove(this);
        return true;
      }
      boolean interrupted = false;
      synchronized (this) {
        while (state.get() != ACTED) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true; // the answer is being sent: waiting for it is short
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    private void act() {
      try {
        overdue.run();
      } catch (RuntimeException | Error e) {
        LOG.log(Level.SEVERE, "what a deadline had to do failed", e);
      } finally {
        synchronized (this) {
          state.set(ACTED);
          notifyAll();
        }
      }
    }
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Thread thread = threadFactory.newThread(this::watch);
    thread.setName("twilio-webhook-deadlines");
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  void stop() {
    stopped = true;
  }

  /**
   * Watches a deadline {@code budgetMillis} from now: {@code overdue} runs on the watching thread
   * once it passes, unless {@link Watch#returned} came first.
   */
  public Watch watch(long budgetMillis, Runnable overdue) {
    Watch watch =
        new Watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis), overdue);
    watched.add(watch);
    return watch;
  }

  private void watch() {
    long tick = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    while (!stopped) {
      LockSupport.parkNanos(tick);
      long now = System.nanoTime();
      for (Watch watch : watched) {
        if (now - watch.due >= 0 && watch.state.compareAndSet(Watch.RUNNING, Watch.OVERDUE)) {
          watched.remove(watch);
          watch.act();
        }
      }
    }
  }
}
