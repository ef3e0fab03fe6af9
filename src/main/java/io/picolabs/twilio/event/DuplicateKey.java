package io.picolabs.twilio.event;

import io.picolabs.twilio.spi.RuleConflict;
import java.sql.SQLException;

/**
 * Whether a database write failed because another one wrote the same key first (SQLState class 23,
 * integrity constraint violation, as Derby and PostgreSQL report it): for a rule's commit a {@link
 * RuleConflict}, for a claim someone else's.
 */
public final class DuplicateKey {

  private DuplicateKey() {}

  /** Whether {@code failure}, or one of its causes, is a duplicate key. */
  public static boolean in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
