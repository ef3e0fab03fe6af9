package io.picolabs.twilio.ops;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check's look at something that may hang (the database): run on another thread and waited
 * for at most a timeout, so that a probe gets its answer in time, and never more than one at a
 * time, so that a database that hangs does not collect a thread per probe. A call that comes while
 * the last look is still running waits for that one.
 */
final class Probe<T> {
  private final Callable<T> look;
  private final Duration timeout;
  private Future<T> running;

  Probe(Callable<T> look, Duration timeout) {
    this.look = look;
    this.timeout = timeout;
  }

  /**
   * What the look found, run on {@code executor}; {@link TimeoutException} if it did not finish in
   * time, {@link ExecutionException} with what it failed with.
   */
  T result(ExecutorService executor)
      throws TimeoutException, ExecutionException, InterruptedException {
    return start(executor).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized Future<T> start(ExecutorService executor) {
    if (running == null || running.isDone()) {
      running = executor.submit(look);
    }
    return running;
  }

  Duration timeout() {
    return timeout;
  }

  /** One line on why {@code failure} happened: its deepest cause's message, clipped. */
  static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    message = message.strip().replaceAll("\\s+", " ");
    return message.length() <= 300 ? message : message.substring(0, 300) + "…";
  }
}
