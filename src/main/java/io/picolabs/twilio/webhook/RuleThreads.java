package io.picolabs.twilio.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads rules run on while the webhook's request thread keeps the deadline.
 *
 * <p>A pool of its own, not the server's executor: a request thread waiting for a task queued
 * behind other waiting request threads in one pool starves it under load. Threads come from the
 * container's {@link ManagedThreadFactory}, so rules run with the application's context; they are
 * made as load needs them and end after a minute idle. A rule stuck for good holds one thread, not
 * the server.
 */
@ApplicationScoped
public class RuleThreads {
  private static final int MAX_THREADS = 256;

  @Resource ManagedThreadFactory threadFactory;

  private ThreadPoolExecutor pool;

  private synchronized ThreadPoolExecutor pool() {
    if (pool == null) {
      pool =
          new ThreadPoolExecutor(
              0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    }
    return pool;
  }

  /** Runs {@code task} on a rule thread; refused only when all {@value #MAX_THREADS} are busy. */
  public <T> Future<T> submit(Callable<T> task) {
    return pool().submit(task);
  }

  @PreDestroy
  synchronized void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
