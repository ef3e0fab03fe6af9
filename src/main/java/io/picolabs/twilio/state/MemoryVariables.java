package io.picolabs.twilio.state;

import io.picolabs.twilio.spi.RuleConflict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Variables in memory, with the same versions and conflicts as the database: for testing rules as
 * plain methods, without a server. Not a CDI bean.
 */
public class MemoryVariables implements VariableStore {
  private record Row(String json, long version, long updatedMillis, long expiresMillis) {}

  private final Map<VarKey, Row> rows = new TreeMap<>();

  @Override
  public synchronized Stored find(VarKey key, long nowMillis) {
    Row row = rows.get(key);
    if (row == null) {
      return Stored.ABSENT;
    }
    return new Stored(expired(row, nowMillis) ? null : row.json(), row.version());
  }

  @Override
  public synchronized Map<String, String> all(Scope scope, String owner, long nowMillis) {
    Map<String, String> values = new TreeMap<>();
    rows.forEach(
        (key, row) -> {
          if (key.scope() == scope && key.owner().equals(owner) && !expired(row, nowMillis)) {
            values.put(key.name(), row.json());
          }
        });
    return values;
  }

  @Override
  public synchronized List<Entry> newest(Scope scope, String name, int limit, long nowMillis) {
    List<Entry> entries = new ArrayList<>();
    rows.forEach(
        (key, row) -> {
          if (key.scope() == scope && key.name().equals(name) && !expired(row, nowMillis)) {
            entries.add(new Entry(key.owner(), row.json(), row.updatedMillis()));
          }
        });
    entries.sort(Comparator.comparingLong(Entry::updatedAtMillis).reversed());
    return entries.subList(0, Math.min(limit, entries.size()));
  }

  /** All or nothing, as the database's transaction. */
  @Override
  public synchronized void apply(List<Change> changes, long nowMillis) {
    for (Change change : changes) {
      Row row = rows.get(change.key());
      Long expected = change.expectedVersion();
      if (expected != null && expected != (row == null ? 0 : row.version())) {
        throw new RuleConflict(
            change.key().toString(), change.key() + " was changed by another event");
      }
    }
    for (Change change : changes) {
      Row row = rows.get(change.key());
      if (change.json() == null) {
        rows.remove(change.key());
      } else {
        long version = row == null ? 1 : row.version() + 1;
        rows.put(
            change.key(), new Row(change.json(), version, nowMillis, change.expiresAtMillis()));
      }
    }
  }

  @Override
  public synchronized int removeAll(Scope scope, String owner) {
    int before = rows.size();
    rows.keySet().removeIf(key -> key.scope() == scope && key.owner().equals(owner));
    return before - rows.size();
  }

  @Override
  public synchronized int removeExpired(long nowMillis) {
    int before = rows.size();
    rows.values().removeIf(row -> expired(row, nowMillis));
    return before - rows.size();
  }

  private static boolean expired(Row row, long nowMillis) {
    return row.expiresMillis() != 0 && row.expiresMillis() <= nowMillis;
  }
}
