package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.AnswerGate;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Twilio in time. Twilio waits at most 15 s and then gives the caller an error; rules that
 * have not finished within {@code twilio.webhook.deadline-ms} are left to finish on their own, and
 * the caller hears {@code twilio.webhook.fallback-twiml} instead of silence. The slow rule is named
 * in the log. Whatever the rules do later is never sent: the answer has gone. The deadline bounds
 * their commits too ({@link AnswerGate}): a commit still waiting for a lock at the deadline is
 * rolled back; one whose statements were done and that is committing is waited for (up to {@link
 * #COMMIT_WAIT}), so that it lands before the fallback goes out, not after.
 *
 * <p>The rules run on the request thread, and {@link DeadlineWatch}'s thread answers the caller for
 * them if the deadline passes first: the answer is written and flushed to the caller from that
 * thread while the request thread is still in the rules (Liberty sends it at once: the request is
 * not suspended, nothing waits for the request thread to return), and the request thread, when its
 * rules return, answers nothing more. Until 2026-12 the rules ran on a rule thread while the
 * request thread waited for them: two wake-ups per request, the largest cost of a webhook after our
 * own work; the designs tried and their measurements are in
 * docs/adr/0009-deadline-watched-not-handed-off.md (and, before, 0001). The rule is not
 * interrupted: a rule interrupted in the middle of a database call can break the connection it
 * holds, and the gate already keeps whatever it does after the deadline from landing.
 *
 * <p>{@code twilio.webhook.deadline-ms=0} turns the deadline off: nobody watches the rules, and a
 * rule that never returns leaves the caller silent until Twilio gives up.
 */
@ApplicationScoped
public class Deadline {
  /** How long the fallback waits for a commit that had begun (its locks held) at the deadline. */
  static final Duration COMMIT_WAIT = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

  @Inject DeadlineWatch watch;
  @Inject RuleEngine engine;
  @Inject WebhookSettings settings;

  /**
   * The TwiML an event was answered with, and whether it is the fallback; or, {@code temporary},
   * none: the rules could not run (the engine failed or was held up outside any rule past the
   * deadline, e.g. the database could not record a status), a failure that may be gone in a moment.
   * Such an event is not to be answered with the fallback as if it were its answer: Twilio's retry,
   * or the number's fallback URL, should get their chance. {@code sent}: the caller has been given
   * this answer already, at the deadline, through the {@code early} sink of {@link #answer}; the
   * request must answer nothing more.
   */
  public record Answer(String twiml, boolean fallback, boolean temporary, boolean sent) {}

  /**
   * {@code answer}'s TwiML for {@code event}, run on this thread, or the fallback if it is later
   * than {@code deadline} (zero: no deadline) or fails. {@code answer} is given the gate its rules'
   * commits pass, closed once the fallback is answered. At the deadline, the fallback (or a
   * temporary failure) is given to {@code early} on another thread, at once, and is returned here
   * too, {@code sent}, once the rules return.
   */
  public Answer answer(
      RuleEvent event, Duration deadline, Function<AnswerGate, String> answer, Early early) {
    long budget = deadline.toMillis();
    AnswerGate gate = new AnswerGate();
    if (budget <= 0) { // no deadline: nobody watches the rules
      try {
        return new Answer(answer.apply(gate), false, false, false);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "event " + event + " could not be answered", e);
        return temporary(false);
      }
    }
    Thread worker = Thread.currentThread();
    Overdue overdue = new Overdue(event, budget, gate, worker, early);
    DeadlineWatch.Watch watched = watch.watch(budget, overdue);
    String twiml = null;
    RuntimeException failed = null;
    boolean inTime;
    try {
      twiml = answer.apply(gate);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      // whatever the rules ended with, an Error too: the watch ends here, or its answer has been
      // written, before this request's response can go back to the container (and to another
      // request)
      overdue.rulesReturned = true;
      inTime = watched.returned();
    }
    if (inTime && failed == null) {
      return new Answer(twiml, false, false, false);
    }
    if (inTime) {
      LOG.log(Level.SEVERE, "event " + event + " could not be answered", failed);
      return temporary(false);
    }
    Answer sent = overdue.sent;
    return sent != null ? sent : temporary(false); // the deadline's own work failed (logged)
  }

  /** Where the deadline's answer goes, from the watching thread, while the rules still run. */
  @FunctionalInterface
  public interface Early {
    /** Gives the caller {@code answer} now; false if it cannot: it is then answered as usual. */
    boolean send(Answer answer);
  }

  /** What the deadline does for an event whose rules have not returned. */
  private final class Overdue implements Runnable {
    private final RuleEvent event;
    private final long budget;
    private final AnswerGate gate;
    private final Thread worker;
    private final Early early;
    volatile boolean rulesReturned;
    volatile Answer sent;

    Overdue(RuleEvent event, long budget, AnswerGate gate, Thread worker, Early early) {
      this.event = event;
      this.budget = budget;
      this.gate = gate;
      this.worker = worker;
      this.early = early;
    }

    @Override
    public void run() {
      Answer answer = decide();
      sent =
          early.send(answer)
              ? answer
              : new Answer(answer.twiml(), answer.fallback(), answer.temporary(), false);
    }

    private Answer decide() {
      if (!gate.close(COMMIT_WAIT)) {
        LOG.warning(
            "event "
                + event
                + ": a rule's commit begun before the deadline had not ended "
                + COMMIT_WAIT.toMillis()
                + " ms after it; whether it lands is the database's to say");
      }
      String rule = engine.ruleRunningOn(worker).orElse(null);
      if (rule == null && !rulesReturned) {
        // no rule is late: what holds the event up is around the rules (the database, for a
        // status to record), a failure that may pass, not a slow rule's answer to fall back from
        LOG.warning(
            "event "
                + event
                + " not answered within "
                + budget
                + " ms, while no rule was running (the database?)");
        return temporary(true);
      }
      LOG.warning(
          "event "
              + event
              + " not answered within "
              + budget
              + " ms"
              + (rule == null ? "" : ": rule " + rule + " is still running")
              + "; answered the fallback TwiML");
      return new Answer(settings.fallbackTwiml(), true, false, true);
    }
  }

  private static Answer temporary(boolean sent) {
    return new Answer(null, false, true, sent);
  }
}
