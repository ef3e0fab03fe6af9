package io.picolabs.twilio.schema;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A transaction of plain JDBC on a connection of its own, for the writes that skip JPA because a
 * statement through it cost more than the row (the webhooks' answers, the status records):
 * committed if the work returns, rolled back if it throws (a failed rollback kept as suppressed).
 */
public final class LocalTransaction {

  /** The work done in the transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private LocalTransaction() {}

  /** Runs {@code work} in one local transaction on a connection of {@code data}. */
  public static <T> T run(DataSource data, Work<T> work) throws SQLException {
    try (Connection connection = data.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }
}
