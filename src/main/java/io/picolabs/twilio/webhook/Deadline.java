package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.event.RuleEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Twilio in time. Twilio waits at most 15 s and then gives the caller an error; rules that
 * have not finished within {@code twilio.webhook.deadline-ms} are left to finish on their own, and
 * the caller hears {@code twilio.webhook.fallback-twiml} instead of silence. The slow rule is named
 * in the log. Whatever the rules do later is never sent: the answer has gone.
 */
@ApplicationScoped
public class Deadline {
  private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject RuleDispatch dispatch;
  @Inject RuleEngine engine;
  @Inject WebhookSettings settings;

  /** The rules' TwiML for {@code event}, or the fallback if they are late or the dispatch broke. */
  public String answer(RuleEvent event, String origin) {
    AtomicReference<Thread> worker = new AtomicReference<>();
    Future<String> rules =
        executor.submit(
            () -> {
              worker.set(Thread.currentThread());
              try {
                return dispatch.twiml(event, origin);
              } finally {
                worker.set(null);
              }
            });
    long budget = settings.deadline().toMillis();
    try {
      return rules.get(budget, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Thread running = worker.get();
      String rule = running == null ? null : engine.ruleRunningOn(running).orElse(null);
      LOG.warning(
          "event "
              + event
              + " not answered within "
              + budget
              + " ms"
              + (rule == null ? "" : ": rule " + rule + " is still running")
              + "; answered the fallback TwiML");
      return settings.fallbackTwiml();
    } catch (ExecutionException e) {
      LOG.log(
          Level.SEVERE,
          "event " + event + " could not be answered; answered the fallback TwiML",
          e.getCause());
      return settings.fallbackTwiml();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return settings.fallbackTwiml();
    }
  }
}
