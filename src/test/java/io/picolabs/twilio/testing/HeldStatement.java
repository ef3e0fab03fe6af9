package io.picolabs.twilio.testing;

import static io.picolabs.twilio.testing.TwilioRequests.eventually;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A step of the application stalled at the database, for as long as a test likes: a trigger on
 * {@code table} makes every row statement it matches wait for an advisory lock that this object
 * holds on a connection of its own, as a statement stalls in production behind a lock, a slow disk
 * or a paused database. The application's transaction is then open, its statement not done: a test
 * can kill the application's instance at exactly that step ({@code kill -9}), {@link #release}, and
 * see that the database rolled back what the dead instance had not committed.
 *
 * <p>The trigger matches on a condition on {@code NEW} (a key of the test's own), so that other
 * tests' rows on the shared database pass. {@link #close} drops it and lets everything go.
 */
public final class HeldStatement implements AutoCloseable {
  private final Postgres postgres;
  private final Connection holder;
  private final long lock;
  private final String trigger;
  private final String table;

  private HeldStatement(Postgres postgres, String table, String event, String condition)
      throws SQLException {
    this.postgres = postgres;
    this.table = table;
    this.lock = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    this.trigger = "test_hold_" + Long.toString(lock, 36);
    this.holder = postgres.connect();
    try (Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + lock + ")");
      statement.execute(
          "CREATE FUNCTION "
              + trigger
              + "() RETURNS trigger AS $$ BEGIN PERFORM pg_advisory_xact_lock("
              + lock
              + "); RETURN NEW; END $$ LANGUAGE plpgsql");
      statement.execute(
          "CREATE TRIGGER "
              + trigger
              + " BEFORE "
              + event
              + " ON "
              + table
              + " FOR EACH ROW WHEN ("
              + condition
              + ") EXECUTE FUNCTION "
              + trigger
              + "()");
    } catch (SQLException e) {
      holder.close();
      throw e;
    }
  }

  /**
   * Holds each {@code event} ({@code INSERT}, {@code UPDATE}) on {@code table} of a row for which
   * {@code condition} (SQL on {@code NEW}) holds, from now until {@link #release}.
   */
  public static HeldStatement on(Postgres postgres, String table, String event, String condition) {
    try {
      return new HeldStatement(postgres, table, event, condition);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot hold " + event + " on " + table + ": " + e, e);
    }
  }

  /** Waits until {@code statements} of the application wait here, at most {@code seconds}. */
  public void awaitHeld(int statements, int seconds) {
    eventually(
        seconds,
        statements + " statement(s) held on " + table,
        () -> waiting() >= statements ? Optional.of(true) : Optional.empty());
  }

  /**
   * Lets the held statements go on, and waits until each has ended its transaction (committed, or
   * rolled back when its client is gone), at most {@code seconds}.
   */
  public void release(int seconds) {
    unlock();
    eventually(
        seconds,
        "the statements held on " + table + " ended",
        () -> holders() == 0 ? Optional.of(true) : Optional.empty());
  }

  private int waiting() {
    return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
  }

  private int holders() {
    return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
  }

  /** Locks on this object's key, taken or awaited, other than its own holder's. */
  private int count(String sql) {
    try (PreparedStatement statement =
        holder.prepareStatement(
            sql
                + " AND ((classid::bigint << 32) | objid::bigint) = ?"
                + " AND pid <> pg_backend_pid()")) {
      statement.setLong(1, lock);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the locks: " + e, e);
    }
  }

  private void unlock() {
    try (Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock_all()");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release the lock: " + e, e);
    }
  }

  /**
   * Lets every held statement go, then drops the trigger and its function (in that order: the drop
   * waits for the transactions on the table).
   */
  @Override
  public void close() {
    try (holder;
        Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock_all()");
      statement.execute("DROP TRIGGER IF EXISTS " + trigger + " ON " + table);
      statement.execute("DROP FUNCTION IF EXISTS " + trigger + "()");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop trigger " + trigger + ": " + e, e);
    }
  }
}
