package io.picolabs.twilio.webhook;

import io.picolabs.twilio.schema.LocalTransaction;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Webhook answers in the application's database, shared by every instance. A delivery gets its row
 * when its rules' effects first commit (in their transaction: the effects and the claim on the
 * delivery commit together, or neither), else when it is answered; the first delivery to write the
 * row is the one that counts, and the others read its answer.
 */
@ApplicationScoped
public class ReplayStore {
  private static final String UNIT = "twilio-rules";

  @PersistenceContext(unitName = UNIT)
  EntityManager em;

  @Resource(lookup = "jdbc/twilioRules") // the persistence unit's data source
  DataSource data;

  private static final String FIND =
      "SELECT ANSWER, RULES_COMMITTED, EXPIRES_MS FROM TWILIO_REPLAY WHERE DELIVERY_KEY = ?";

  /**
   * Inside the transaction of the rules' effects: they commit for delivery {@code key} under {@code
   * claim}, which then holds the delivery until {@code windowEndMillis}, so that no retry runs the
   * rules again; with {@code answer} (not null) when it is complete at this commit (the last
   * rule's), so that the delivery costs this one write. The first commit of a delivery writes its
   * row; if another delivery's commit wrote it first, this fails on the key (a persistence
   * exception, a duplicate key), and so rolls the effects back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void rulesCommitted(String key, String claim, long windowEndMillis, String answer) {
    int marked =
        answer == null
            ? em.createNamedQuery(StoredAnswer.COMMITTED)
                .setParameter(1, windowEndMillis)
                .setParameter(2, key)
                .setParameter(3, claim)
                .executeUpdate()
            : em.createNamedQuery(StoredAnswer.COMMITTED_ANSWERED)
                .setParameter(1, answer)
                .setParameter(2, windowEndMillis)
                .setParameter(3, key)
                .setParameter(4, claim)
                .executeUpdate();
    if (marked == 0 && answer == null) {
      em.createNamedQuery(StoredAnswer.FIRST_COMMIT)
          .setParameter(1, key)
          .setParameter(2, claim)
          .setParameter(3, windowEndMillis)
          .executeUpdate();
    } else if (marked == 0) {
      em.createNamedQuery(StoredAnswer.FIRST_COMMIT_ANSWERED)
          .setParameter(1, key)
          .setParameter(2, claim)
          .setParameter(3, answer)
          .setParameter(4, windowEndMillis)
          .executeUpdate();
    }
  }

  /**
   * Records the answer of {@code pending}, a delivery answered under its claim, kept until its
   * window's end: on its row if its rules committed ({@code committed}), else in a row of its own
   * unless {@code rowOnly}. Fails on the key (a persistence exception, a duplicate key) if another
   * delivery's row is there, and after {@code timeout} (a persistence exception) if the database
   * holds the write up.
   */
  public void answer(PendingAnswers.Pending pending, Duration timeout) {
    answerAll(List.of(pending), timeout);
  }

  /**
   * Records the answers of {@code pending} as {@link #answer} does, all in one (local) transaction:
   * one commit for the batch. Fails, writing none, if any of them fails.
   */
  public void answerAll(List<PendingAnswers.Pending> pending, Duration timeout) {
    // Plain JDBC: an answer is written for every delivery with a token, and a JPA statement per row
    // cost more than the row (docs/performance.md)
    try {
      LocalTransaction.run(data, connection -> writeAnswers(connection, pending, timeout));
    } catch (SQLException e) {
      throw new PersistenceException("webhook answers not written: " + e, e);
    }
  }

  private static Void writeAnswers(
      Connection connection, List<PendingAnswers.Pending> pending, Duration timeout)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(StoredAnswer.ANSWER_SQL);
        PreparedStatement insert = connection.prepareStatement(StoredAnswer.FIRST_ANSWER_SQL)) {
      int seconds = seconds(timeout);
      update.setQueryTimeout(seconds);
      insert.setQueryTimeout(seconds);
      for (PendingAnswers.Pending one : pending) {
        if (one.committed()) {
          update.setString(1, one.answer());
          update.setLong(2, one.windowEndMillis());
          update.setString(3, one.key());
          update.setString(4, one.claim());
          if (update.executeUpdate() == 1) {
            continue;
          }
        }
        if (!one.rowOnly()) { // else the rules' commit kept no row: nothing to answer again
          insert.setString(1, one.key());
          insert.setString(2, one.claim());
          insert.setString(3, one.answer());
          insert.setLong(4, one.windowEndMillis());
          insert.executeUpdate(); // one by one: a duplicate key fails with its own SQL state
        }
      }
    }
    return null;
  }

  /**
   * Removes the row of a delivery claimed before its rules ran (as releases before 2026-12 did)
   * whose claim ended at {@code nowMillis} without its rules committing: its holder died. False if
   * it is not there, or its holder's commit extended it meanwhile.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean takeOver(String key, long nowMillis) {
    return em.createNamedQuery(StoredAnswer.OVER)
            .setParameter("key", key)
            .setParameter("now", nowMillis)
            .executeUpdate()
        == 1;
  }

  /**
   * Where a delivery stands: its answer (null until it has one), whether its rules' effects
   * committed, and when its row expires.
   */
  public record Held(String answer, boolean rulesCommitted, long expiresMillis) {}

  /**
   * Delivery {@code key} as it stands, if it has a row; given up after {@code timeout} (a
   * persistence exception): a database held up must not keep the caller waiting.
   */
  public Optional<Held> find(String key, Duration timeout) {
    // Plain JDBC: every delivery with a token is looked up, and an entity manager made for each
    // look-up cost more than the SELECT (docs/performance.md, the cost of one request)
    try (Connection connection = data.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setQueryTimeout(seconds(timeout));
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new Held(row.getString(1), row.getInt(2) == 1, row.getLong(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PersistenceException("a webhook delivery could not be looked up: " + e, e);
    }
  }

  /** {@code timeout} as JDBC takes it: whole seconds, rounded up. */
  private static int seconds(Duration timeout) {
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /** Removes the answers whose window has passed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(long nowMillis) {
    return em.createNamedQuery(StoredAnswer.EXPIRED).setParameter("now", nowMillis).executeUpdate();
  }
}
