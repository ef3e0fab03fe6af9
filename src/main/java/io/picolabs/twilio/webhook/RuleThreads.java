package io.picolabs.twilio.webhook;

import io.picolabs.twilio.spi.Handoff;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
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
 * the server. What the request thread carries for its rules (a trace) goes with each task through
 * the {@link Handoff} beans.
 */
@ApplicationScoped
public class RuleThreads {
  private static final int MAX_THREADS = 256;

  @Resource ManagedThreadFactory threadFactory;
  @Inject @Any Instance<Handoff> handoffs;

  private ThreadPoolExecutor pool;
  private List<Handoff> carriers; // resolved once: the beans do not change

  // Made with the bean, not on first use: a lock taken on every submit was measurable under load.
  @PostConstruct
  void start() {
    pool =
        new ThreadPoolExecutor(
            0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    carriers = handoffs.stream().toList();
  }

  /** Runs {@code task} on a rule thread; refused only when all {@value #MAX_THREADS} are busy. */
  public <T> Future<T> submit(Callable<T> task) {
    Callable<T> carried = task;
    for (Handoff handoff : carriers) {
      carried = handoff.carry(carried);
    }
    return pool.submit(carried);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
