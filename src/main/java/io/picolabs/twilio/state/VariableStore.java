package io.picolabs.twilio.state;

import java.util.List;
import java.util.Map;

/**
 * Where variables are kept. The container's store is {@link JpaVariables}; {@link MemoryVariables}
 * keeps them in memory, for testing rules without a server.
 *
 * <p>Every variable has a version, raised by each write, so that a write can be made conditional on
 * the version its rule read: the way concurrent rules lose no update.
 */
public interface VariableStore {

  /**
   * A variable as read: {@code json} is {@code null} when it does not exist; {@code version} is
   * then 0, or that of an expired row still in the table.
   */
  record Stored(String json, long version) {
    public static final Stored ABSENT = new Stored(null, 0);
  }

  /**
   * One write: {@code json} {@code null} removes. {@code expectedVersion} is the version the rule
   * read (0: it read nothing there), or {@code null} for a write that depends on no read. {@code
   * expiresAtMillis} 0 never expires.
   */
  record Change(VarKey key, String json, Long expectedVersion, long expiresAtMillis) {}

  /** A variable of one name, with its owner and when it was last written, for listings. */
  record Entry(String owner, String json, long updatedAtMillis) {}

  Stored find(VarKey key, long nowMillis);

  /** The live variables of one owner, name to JSON, by name. */
  Map<String, String> all(Scope scope, String owner, long nowMillis);

  /** The {@code limit} most recently written variables named {@code name} in {@code scope}. */
  List<Entry> newest(Scope scope, String name, int limit, long nowMillis);

  /**
   * Applies {@code changes} (in the caller's transaction); throws {@link
   * io.picolabs.twilio.spi.RuleConflict} if a variable is no longer at its expected version.
   */
  void apply(List<Change> changes, long nowMillis);

  /** Removes every variable of one owner; how many there were. */
  int removeAll(Scope scope, String owner);

  /** Removes the variables whose time is up; how many there were. */
  int removeExpired(long nowMillis);
}
