package io.picolabs.twilio.outbound;

import io.picolabs.twilio.config.OutboxConfig;
import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the outcome of a send to the rules, off any HTTP request and off the sender's slots
 * ({@link #raiseLater}: on threads of its own, {@code twilio.outbox.concurrency} of them, from the
 * container's {@link ManagedThreadFactory}; slow outcome rules wait their turn, they do not stop
 * the sending), through the {@link RuleEntry}: in a request context of its own (each outcome's
 * rules get their own variables, directives and sends), with the origin of the request whose rule
 * sent, so that event types the rules name become URLs of this server. The directives these rules
 * add answer nobody and are dropped; their variables and sends commit as any rule's.
 */
@ApplicationScoped
public class OutcomeEvents {
  private static final Logger LOG = Logger.getLogger(OutcomeEvents.class.getName());

  @Inject RuleEntry entry;
  @Inject OutboxConfig config;
  @Resource ManagedThreadFactory threadFactory;

  private ExecutorService raising; // made at first use: the rule harness never raises later

  /**
   * Raises {@code outcome} on the outcome threads, in the order given; at once, on the caller's
   * thread, if they no longer take work (the application is stopping).
   */
  public void raiseLater(RuleEvent outcome, String requestOrigin) {
    try {
      raising().execute(() -> raise(outcome, requestOrigin));
    } catch (RejectedExecutionException e) {
      raise(outcome, requestOrigin);
    }
  }

  private synchronized ExecutorService raising() {
    if (raising == null) {
      raising = Executors.newFixedThreadPool(config.concurrency(), threadFactory);
    }
    return raising;
  }

  @PreDestroy
  synchronized void stop() {
    if (raising != null) {
      raising.shutdown(); // what is queued is still raised
    }
  }

  /** Raises {@code outcome} now, on the caller's thread. */
  public void raise(RuleEvent outcome, String requestOrigin) {
    try {
      entry.raise(EventContext.of(outcome, requestOrigin), rules -> rules);
    } catch (RuntimeException e) {
      // the send is settled whatever the rules do; the event cannot be raised again
      LOG.log(Level.WARNING, "outcome " + outcome + " not raised: " + e, e);
    }
  }
}
