package io.picolabs.twilio.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Small writes of concurrent requests, many in one commit, by one thread of their own: a commit
 * (with its log write) costs more than the rows it writes, so the requests that arrive while one
 * commit runs share the next. What it costs a request: the wait for the batch in progress, at most
 * one commit's time.
 *
 * <p>At most {@code capacity} items wait; when that many do, {@link #offer} refuses and the caller
 * writes its item itself, so that a database slower than the requests slows them down instead of
 * piling them up.
 *
 * @param <T> one request's write, with whatever tells the request it is done
 */
public final class GroupCommit<T> {
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  private final String name;
  private final int batchSize;
  private final Consumer<List<T>> writeBatch;
  private final Consumer<T> done;
  private final BlockingQueue<T> queue;
  private volatile boolean stopped;
  private volatile Thread writer;

  /**
   * @param name the writer thread's name
   * @param capacity how many items may wait
   * @param batchSize how many items one commit takes at most
   * @param writeBatch writes a batch (one commit, or as many as its failures need); what it throws
   *     is logged
   * @param done called for each item once its batch was written or failed, whatever happened
   */
  public GroupCommit(
      String name, int capacity, int batchSize, Consumer<List<T>> writeBatch, Consumer<T> done) {
    this.name = name;
    this.batchSize = batchSize;
    this.writeBatch = writeBatch;
    this.done = done;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Starts the writer on a thread of {@code threads} (the container's managed thread factory). */
  public void start(ThreadFactory threads) {
    Thread thread = threads.newThread(this::drain);
    thread.setName(name);
    thread.setDaemon(true);
    thread.start();
    writer = thread;
  }

  /**
   * Hands {@code item} to the writer; false if it is not running or too many items wait: the caller
   * then writes it itself.
   */
  public boolean offer(T item) {
    return !stopped && writer != null && queue.offer(item);
  }

  private void drain() {
    List<T> batch = new ArrayList<>(batchSize);
    while (!stopped || !queue.isEmpty()) {
      try {
        T first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        writeBatch.accept(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, name + ": a batch of " + batch.size() + " not written: " + e, e);
      } finally {
        batch.forEach(done);
        batch.clear();
      }
    }
  }

  /** Writes what waits, for at most five seconds, and stops. */
  public void stop() {
    stopped = true;
    Thread running = writer;
    if (running != null) {
      try {
        running.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
