package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.AnswerGate;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Twilio in time. Twilio waits at most 15 s and then gives the caller an error; rules that
 * have not finished within {@code twilio.webhook.deadline-ms} are left to finish on their own
 * thread, and the caller hears {@code twilio.webhook.fallback-twiml} instead of silence. The slow
 * rule is named in the log. Whatever the rules do later is never sent: the answer has gone. The
 * deadline bounds their commits too ({@link AnswerGate}): a commit still waiting for a lock at the
 * deadline is rolled back; one whose statements were done and that is committing is waited for (up
 * to {@link #COMMIT_WAIT}), so that it lands before the fallback goes out, not after.
 *
 * <p>The request thread waits for the rule thread: a hand-off there and back. The designs that
 * would save it were built, measured on Open Liberty and refused: rules on the request thread with
 * a timer answering the fallback through the suspended request cannot work, since Liberty sends
 * nothing of a suspended request's answer until the request thread returns; suspending the request
 * and letting the rule thread answer it, with a timer of our own for the fallback, cost more than
 * the wait it saves: RESTEasy looks the managed scheduler up in JNDI on every suspend, and
 * Liberty's asynchronous requests cost more besides. ({@code AsyncResponse.setTimeout}, the obvious
 * timer, was slower still: it schedules on a managed executor that scans all its pending tasks on
 * every schedule.) The measurements are in docs/adr/0001-deadline-blocking-handoff.md.
 *
 * <p>{@code twilio.webhook.deadline-ms=0} turns the deadline off: rules then run on the request
 * thread itself, which saves the hand-off to a rule thread and back, at the price of the guarantee.
 */
@ApplicationScoped
public class Deadline {
  /** How long the fallback waits for a commit that had begun (its locks held) at the deadline. */
  static final Duration COMMIT_WAIT = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

  @Inject RuleThreads threads;
  @Inject RuleEngine engine;
  @Inject WebhookSettings settings;

  /**
   * The TwiML an event was answered with, and whether it is the fallback; or, {@code temporary},
   * none: the rules could not run (every rule thread busy, the engine failed or was held up outside
   * any rule past the deadline, e.g. the database could not record a status), a failure that may be
   * gone in a moment. Such an event is not to be answered with the fallback as if it were its
   * answer: Twilio's retry, or the number's fallback URL, should get their chance.
   */
  public record Answer(String twiml, boolean fallback, boolean temporary) {}

  /**
   * {@code answer}'s TwiML for {@code event}, or the fallback if it is later than {@code deadline}
   * (zero: no deadline) or fails. {@code answer} is given the gate its rules' commits pass, closed
   * once the fallback is answered.
   */
  public Answer answer(RuleEvent event, Duration deadline, Function<AnswerGate, String> answer) {
    long budget = deadline.toMillis();
    if (budget <= 0) { // no deadline: the rules run on the request thread, saving the hand-off
      try {
        return new Answer(answer.apply(new AnswerGate()), false, false);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "event " + event + " could not be answered", e);
        return temporary();
      }
    }
    AnswerGate gate = new AnswerGate();
    AtomicReference<Thread> worker = new AtomicReference<>();
    Future<String> rules;
    try {
      rules =
          threads.submit(
              () -> {
                worker.set(Thread.currentThread());
                try {
                  return answer.apply(gate);
                } finally {
                  worker.set(null);
                }
              });
    } catch (RejectedExecutionException e) {
      LOG.severe("event " + event + " not answered: every rule thread is busy");
      return temporary();
    }
    try {
      return new Answer(rules.get(budget, TimeUnit.MILLISECONDS), false, false);
    } catch (TimeoutException e) {
      if (!gate.close(COMMIT_WAIT)) {
        LOG.warning(
            "event "
                + event
                + ": a rule's commit begun before the deadline had not ended "
                + COMMIT_WAIT.toMillis()
                + " ms after it; whether it lands is the database's to say");
      }
      Thread running = worker.get();
      String rule = running == null ? null : engine.ruleRunningOn(running).orElse(null);
      if (rule == null && running != null) {
        // no rule is late: what holds the event up is around the rules (the database, for a
        // status to record), a failure that may pass, not a slow rule's answer to fall back from
        LOG.warning(
            "event "
                + event
                + " not answered within "
                + budget
                + " ms, while no rule was running (the database?)");
        return temporary();
      }
      LOG.warning(
          "event "
              + event
              + " not answered within "
              + budget
              + " ms"
              + (rule == null ? "" : ": rule " + rule + " is still running")
              + "; answered the fallback TwiML");
      return fallback();
    } catch (ExecutionException e) {
      LOG.log(Level.SEVERE, "event " + event + " could not be answered", e.getCause());
      return temporary();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback();
    }
  }

  private Answer fallback() {
    return new Answer(settings.fallbackTwiml(), true, false);
  }

  private static Answer temporary() {
    return new Answer(null, false, true);
  }
}
