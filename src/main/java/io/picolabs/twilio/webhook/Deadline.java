package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.event.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Twilio in time. Twilio waits at most 15 s and then gives the caller an error; rules that
 * have not finished within {@code twilio.webhook.deadline-ms} are left to finish on their own
 * thread, and the caller hears {@code twilio.webhook.fallback-twiml} instead of silence. The slow
 * rule is named in the log. Whatever the rules do later is never sent: the answer has gone.
 *
 * <p>The webhook's request is suspended and its request thread goes back to the server at once; the
 * rules run on a rule thread, which completes the answer (and so answers the request) itself when
 * they are done; a timer completes it with the fallback when they are late, whichever comes first.
 * So one request costs one hand-off (request thread to rule thread) and no thread waits for
 * another. Other designs were measured and refused: a request thread blocked on the rule thread's
 * future (a second wake-up per request); rules run on the request thread with a timer answering the
 * fallback (Open Liberty sends nothing of a suspended request's answer until the request thread has
 * returned); the suspended request's own timeout (see {@link RuleThreads}).
 *
 * <p>{@code twilio.webhook.deadline-ms=0} turns the deadline off: rules then run on the request
 * thread itself, at the price of the guarantee.
 */
@ApplicationScoped
public class Deadline {
  private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

  @Inject RuleThreads threads;
  @Inject RuleEngine engine;
  @Inject WebhookSettings settings;

  /** The TwiML an event was answered with, and whether it is the fallback. */
  public record Answer(String twiml, boolean fallback) {}

  /**
   * {@code answer}'s TwiML for {@code event}, or the fallback if it is late or fails: completed on
   * the rule thread, or on the timer's thread when late. {@code answer} is given a flag that tells,
   * once the fallback was answered, that its work has come too late.
   */
  public CompletionStage<Answer> answer(RuleEvent event, Function<BooleanSupplier, String> answer) {
    long budget = settings.deadline().toMillis();
    if (budget <= 0) { // no deadline: the rules run on the request thread, saving the hand-off
      return CompletableFuture.completedFuture(run(event, answer, () -> false));
    }
    CompletableFuture<Answer> answered = new CompletableFuture<>();
    // who answers: the rules or the timer, whichever comes first (the log is written before the
    // answer, which completing the future sends)
    AtomicBoolean decided = new AtomicBoolean();
    AtomicReference<Thread> worker = new AtomicReference<>();
    ScheduledFuture<?> timer =
        threads.after(
            budget,
            () -> {
              if (decided.compareAndSet(false, true)) {
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
                answered.complete(fallback());
              }
            });
    try {
      threads.submit(
          () -> {
            worker.set(Thread.currentThread());
            try {
              Answer rules = run(event, answer, decided::get);
              if (decided.compareAndSet(false, true)) {
                timer.cancel(false);
                answered.complete(rules);
              }
            } finally {
              worker.set(null);
            }
            return null;
          });
    } catch (RejectedExecutionException e) {
      if (decided.compareAndSet(false, true)) {
        timer.cancel(false);
        LOG.severe(
            "event " + event + " not answered: every rule thread is busy; answered the fallback");
        answered.complete(fallback());
      }
    }
    return answered;
  }

  /** {@code answer}'s TwiML, or the fallback if it fails. */
  private Answer run(
      RuleEvent event, Function<BooleanSupplier, String> answer, BooleanSupplier late) {
    try {
      return new Answer(answer.apply(late), false);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "event " + event + " could not be answered; answered the fallback", e);
      return fallback();
    }
  }

  private Answer fallback() {
    return new Answer(settings.fallbackTwiml(), true);
  }
}
