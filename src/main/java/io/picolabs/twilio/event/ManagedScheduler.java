package io.picolabs.twilio.event;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the server's own background work runs (sending the outbox, purging expired rows): the
 * managed scheduled executor {@code concurrent/twilioRulesScheduler} of {@code server.xml}, else,
 * in an application server configured without it (the library in another application), the
 * platform's default one. Managed, so that tasks run with the application's context and stop with
 * it.
 */
public final class ManagedScheduler {
  /** The JNDI name {@code server.xml} gives the executor. */
  public static final String NAME = "concurrent/twilioRulesScheduler";

  private static final Logger LOG = Logger.getLogger(ManagedScheduler.class.getName());

  private ManagedScheduler() {}

  /**
   * Runs {@code task} every {@code period} (the first time after one period) on the {@link #lookup}
   * executor, until the returned future is cancelled. A run that throws is logged to {@code log} as
   * {@code "<failure>: <exception>"} and the next run tries again: a periodic task that throws is
   * never run again.
   */
  public static ScheduledFuture<?> repeat(
      Duration period, Logger log, String failure, Runnable task) {
    long millis = period.toMillis();
    return lookup()
        .scheduleWithFixedDelay(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                log.log(Level.WARNING, failure + ": " + e, e);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
  }

  /** The configured executor, else the default one. */
  public static ManagedScheduledExecutorService lookup() {
    try {
      InitialContext naming = new InitialContext();
      try {
        return (ManagedScheduledExecutorService) naming.lookup(NAME);
      } catch (NamingException e) {
        LOG.info(NAME + " is not configured; using the default managed scheduled executor");
        return (ManagedScheduledExecutorService)
            naming.lookup("java:comp/DefaultManagedScheduledExecutorService");
      }
    } catch (NamingException e) {
      throw new IllegalStateException("no managed scheduled executor for background work", e);
    }
  }
}
