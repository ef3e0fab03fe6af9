package io.picolabs.twilio.outbound;

import io.picolabs.twilio.event.DuplicateKey;
import io.picolabs.twilio.schema.GroupCommit;
import io.picolabs.twilio.schema.LocalTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The status history of the outbox's entries ({@code TWILIO_OUTBOX_STATUS}) and the entries'
 * current status, written as Twilio reports them: once per status and entry, the entry's status
 * only forward ({@link StatusOrder}).
 *
 * <p>The reports of concurrent callbacks share one commit ({@link GroupCommit}): a campaign's storm
 * of callbacks is thousands a second, and one transaction per callback spent more on its commit
 * than on its two rows (docs/performance.md). Each report in a batch has a savepoint of its own, so
 * that a duplicate (another instance, or the same batch, recorded it first) undoes only itself. A
 * callback waits for its batch's commit before its rules run: what it costs is the wait for the
 * commit in progress.
 *
 * <p>Plain JDBC: two statements per report, and the persistence context and entity machinery around
 * them cost more than the statements.
 */
@ApplicationScoped
public class StatusRecords {
  private static final Logger LOG = Logger.getLogger(StatusRecords.class.getName());
  private static final int CAPACITY = 4096;
  private static final int BATCH = 256;

  /** How long a callback waits for its report's commit, and each statement for the database. */
  private static final int TIMEOUT_SECONDS = 10;

  /** How a status report changed an entry. */
  public enum Progress {
    /** Recorded, and the entry's status moved forward to it. */
    FORWARD,
    /** Recorded in the history only: the entry is already past it. */
    LATE,
    /** The same status was reported before: nothing recorded. */
    DUPLICATE,
    /** No entry of that id and kind: nothing recorded. */
    UNKNOWN
  }

  /** One callback's report, and its outcome once its batch committed. */
  record Report(
      String id,
      String kind,
      String status,
      Integer errorCode,
      String sid,
      long nowMillis,
      CompletableFuture<Progress> done) {}

  static final String FORWARD_SQL =
      "UPDATE TWILIO_OUTBOX SET STATUS = ?, STATUS_RANK = ?, SID = COALESCE(SID, ?),"
          + " ERROR_CODE = COALESCE(CAST(? AS INTEGER), ERROR_CODE), UPDATED_MS = ?"
          + " WHERE ID = ? AND KIND = ? AND STATUS_RANK < ?";
  static final String EXISTS_SQL = "SELECT 1 FROM TWILIO_OUTBOX WHERE ID = ? AND KIND = ?";
  static final String HISTORY_SQL =
      "INSERT INTO TWILIO_OUTBOX_STATUS (OUTBOX_ID, STATUS, AT_MS, ERROR_CODE, FORWARD)"
          + " VALUES (?, ?, ?, ?, ?)";

  @Resource(lookup = "jdbc/twilioRules") // the persistence unit's data source
  DataSource data;

  @Resource ManagedThreadFactory threadFactory;

  private final GroupCommit<Report> commits =
      new GroupCommit<>(
          "twilio-status-records",
          CAPACITY,
          BATCH,
          this::writeBatch,
          report ->
              report
                  .done()
                  .completeExceptionally(new PersistenceException("status report not recorded")));

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    commits.start(threadFactory);
  }

  @PreDestroy
  void stop() {
    commits.stop();
  }

  /**
   * Records that Twilio reported {@code status} (with {@code errorCode} and {@code sid}, both
   * optional) for entry {@code id} of {@code kind}, at {@code nowMillis}; returns once it
   * committed. Fails (a persistence exception) if the database could not record it in time.
   */
  Progress record(
      String id, String kind, String status, Integer errorCode, String sid, long nowMillis) {
    Report report =
        new Report(id, kind, status, errorCode, sid, nowMillis, new CompletableFuture<>());
    if (!commits.offer(report)) {
      writeAlone(report);
    }
    try {
      return report.done().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new PersistenceException(e.getCause());
    } catch (TimeoutException e) {
      throw new PersistenceException("status " + status + " of " + id + " not recorded in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PersistenceException("interrupted while recording a status", e);
    }
  }

  private void writeBatch(List<Report> batch) {
    try {
      Progress[] progress = write(batch);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(progress[i]);
      }
    } catch (SQLException | RuntimeException e) {
      // the database failed for the batch: one at a time, so that one report's trouble is its own
      LOG.fine(() -> "a batch of " + batch.size() + " status reports failed (" + e + ")");
      batch.forEach(this::writeAlone);
    }
  }

  private void writeAlone(Report report) {
    try {
      report.done().complete(write(List.of(report))[0]);
    } catch (SQLException | RuntimeException e) {
      report
          .done()
          .completeExceptionally(
              new PersistenceException("status " + report.status() + " not recorded: " + e, e));
    }
  }

  /** Writes {@code batch} in one transaction: each report's progress, in order. */
  private Progress[] write(List<Report> batch) throws SQLException {
    Progress[] progress = new Progress[batch.size()];
    return LocalTransaction.run(
        data,
        connection -> {
          try (PreparedStatement forward = connection.prepareStatement(FORWARD_SQL);
              PreparedStatement exists = connection.prepareStatement(EXISTS_SQL);
              PreparedStatement history = connection.prepareStatement(HISTORY_SQL)) {
            forward.setQueryTimeout(TIMEOUT_SECONDS);
            exists.setQueryTimeout(TIMEOUT_SECONDS);
            history.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < batch.size(); i++) {
              Report report = batch.get(i);
              Savepoint before = batch.size() > 1 ? connection.setSavepoint() : null;
              try {
                progress[i] = write(report, forward, exists, history);
              } catch (SQLException e) {
                if (!DuplicateKey.in(e)) {
                  throw e;
                }
                // recorded before (another callback of the same status): this report undone only
                progress[i] = Progress.DUPLICATE;
                if (before != null) {
                  connection.rollback(before);
                } else {
                  connection.rollback();
                }
              }
            }
            return progress;
          }
        });
  }

  private static Progress write(
      Report report, PreparedStatement forward, PreparedStatement exists, PreparedStatement history)
      throws SQLException {
    int rank = StatusOrder.rank(report.kind(), report.status());
    boolean moved = false;
    if (rank != StatusOrder.UNRANKED) {
      forward.setString(1, report.status());
      forward.setInt(2, rank);
      forward.setString(3, report.sid());
      if (report.errorCode() == null) {
        forward.setNull(4, Types.INTEGER);
      } else {
        forward.setInt(4, report.errorCode());
      }
      forward.setLong(5, report.nowMillis());
      forward.setString(6, report.id());
      forward.setString(7, report.kind());
      forward.setInt(8, rank);
      moved = forward.executeUpdate() == 1;
    }
    if (!moved) { // past it already, or no such entry: only an entry of ours has a history
      exists.setString(1, report.id());
      exists.setString(2, report.kind());
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          return Progress.UNKNOWN;
        }
      }
    }
    history.setString(1, report.id());
    history.setString(2, report.status());
    history.setLong(3, report.nowMillis());
    if (report.errorCode() == null) {
      history.setNull(4, Types.INTEGER);
    } else {
      history.setInt(4, report.errorCode());
    }
    history.setInt(5, moved ? 1 : 0);
    history.executeUpdate(); // fails on the key if this status was recorded before
    return moved ? Progress.FORWARD : Progress.LATE;
  }
}
