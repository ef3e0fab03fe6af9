package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.DuplicateKey;
import io.picolabs.twilio.schema.GroupCommit;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers of webhook deliveries, written to {@link ReplayStore} after they were given, many in one
 * commit, by one thread of their own.
 *
 * <p>Why not before answering: the row of a delivery whose rules committed effects is written with
 * them (the effects and the claim on the delivery are one commit, so a retry never runs them
 * again); what is left to write is only the answer a retry is given again. Written before
 * answering, that answer cost each delivery a commit of its own, which bounded webhooks with
 * Twilio's idempotency token at a fraction of those without (docs/performance.md). Written after,
 * in batches, the commits are shared by every delivery answered meanwhile and leave the request
 * path. What it costs: an instance that dies in the milliseconds between its answer and the batch's
 * commit loses the answer of a delivery whose rules wrote nothing, and a retry of it runs those
 * rules again (they have no effects to repeat); a retry of a delivery whose rules did commit waits
 * for the answer as before, and gets the fallback if that instance died.
 *
 * <p>At most {@value #CAPACITY} answers wait; when that many do, the delivery writes its own, as
 * before, so that a database slower than the webhooks slows them down instead of piling up.
 */
@ApplicationScoped
public class PendingAnswers {
  private static final Logger LOG = Logger.getLogger(PendingAnswers.class.getName());
  static final int CAPACITY = 4096;
  private static final int BATCH = 256;

  /**
   * An answer to write, and what to do once it is written (or given up on); {@code rowOnly}: only
   * onto the row its rules' commit wrote, never as a row of its own.
   */
  record Pending(
      String key,
      String claim,
      String answer,
      long windowEndMillis,
      boolean committed,
      boolean rowOnly,
      Runnable written) {}

  @Inject ReplayStore store;
  @Resource ManagedThreadFactory threadFactory;

  private final GroupCommit<Pending> commits =
      new GroupCommit<>(
          "twilio-webhook-answers",
          CAPACITY,
          BATCH,
          this::writeBatch,
          pending -> pending.written().run());

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    commits.start(threadFactory);
  }

  /** Writes {@code pending} soon, or now on the caller's thread if too many wait. */
  void write(Pending pending) {
    if (commits.offer(pending)) {
      return;
    }
    try {
      writeEach(List.of(pending));
    } finally {
      pending.written().run();
    }
  }

  private void writeBatch(List<Pending> batch) {
    try {
      store.answerAll(batch, Replays.FIND_TIMEOUT);
    } catch (RuntimeException e) {
      // one of them was answered elsewhere first (its key), or the database failed: one at a time,
      // so that the others are kept
      LOG.fine(() -> "a batch of " + batch.size() + " answers failed (" + e + "); one at a time");
      writeEach(batch);
    }
  }

  private void writeEach(List<Pending> pendings) {
    for (Pending pending : pendings) {
      try {
        store.answer(pending, Replays.FIND_TIMEOUT);
      } catch (RuntimeException e) {
        if (DuplicateKey.in(e)) {
          // another delivery of the event, whose rules wrote nothing either, answered first
          LOG.fine(() -> "a delivery answered twice at once; the first answer is kept");
        } else {
          LOG.log(Level.WARNING, "answer not kept for retried deliveries: " + e, e);
        }
      }
    }
  }

  /** Writes what waits before the application stops. */
  @PreDestroy
  void stop() {
    commits.stop();
  }
}
