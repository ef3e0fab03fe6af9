package io.picolabs.twilio.state;

import io.picolabs.twilio.spi.RuleEffects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The variable writes of one request's rules, held until their rule commits, and the versions the
 * rules read, against which those writes are checked.
 *
 * <p>A rule reads its own writes; other requests see them only once committed. A write to a
 * variable the rule read is made only if nobody changed that variable since (else the engine runs
 * the rule again): two webhooks incrementing one caller's counter both count. A write to a variable
 * the rule did not read simply replaces it.
 */
@RequestScoped
public class VariableWrites implements RuleEffects {
  private record Write(VarKey key, String json) {}

  private record Savepoint(int writes, Map<VarKey, Long> seen) {}

  private VariableStore store;
  private Duration callLifetime;
  private final List<Write> writes = new ArrayList<>();
  private Map<VarKey, Long> seen = new HashMap<>();

  protected VariableWrites() {}

  @Inject
  VariableWrites(VariableStore store, CallLifetime calls) {
    this(store, calls.lifetime());
  }

  /** Writes to {@code store}; call variables live {@code callLifetime} after each write. */
  public VariableWrites(VariableStore store, Duration callLifetime) {
    this.store = store;
    this.callLifetime = callLifetime;
  }

  /** The JSON of {@code key} as this request's rules see it, or {@code null}. */
  public String read(VarKey key) {
    for (int i = writes.size() - 1; i >= 0; i--) {
      Write write = writes.get(i);
      if (write.key().equals(key)) {
        return write.json();
      }
    }
    VariableStore.Stored stored = store.find(key, System.currentTimeMillis());
    seen.putIfAbsent(key, stored.version()); // checked against the first value the rule saw
    return stored.json();
  }

  /** The {@code limit} most recently written variables named {@code name} in {@code scope}. */
  public List<VariableStore.Entry> newest(Scope scope, String name, int limit) {
    return store.newest(scope, name, limit, System.currentTimeMillis());
  }

  /** Sets (or, with {@code json} null, removes) {@code key} when the rule commits. */
  public void write(VarKey key, String json) {
    writes.add(new Write(key, json));
  }

  /** The names of one owner's variables, as this request's rules see them. */
  public Set<String> names(Scope scope, String owner) {
    Set<String> names = new TreeSet<>(store.all(scope, owner, System.currentTimeMillis()).keySet());
    for (Map.Entry<VarKey, String> write : pending().entrySet()) {
      VarKey key = write.getKey();
      if (key.scope() == scope && key.owner().equals(owner)) {
        if (write.getValue() == null) {
          names.remove(key.name());
        } else {
          names.add(key.name());
        }
      }
    }
    return names;
  }

  /** The last write of each variable, in key order. */
  private Map<VarKey, String> pending() {
    Map<VarKey, String> last = new TreeMap<>();
    writes.forEach(write -> last.put(write.key(), write.json()));
    return last;
  }

  @Override
  public Object emptySavepoint() {
    return new Savepoint(0, Map.of());
  }

  @Override
  public Object savepoint() {
    return new Savepoint(writes.size(), seen.isEmpty() ? Map.of() : new HashMap<>(seen));
  }

  @Override
  public void rollback(Object savepoint) {
    Savepoint point = (Savepoint) savepoint;
    writes.subList(point.writes(), writes.size()).clear();
    seen = new HashMap<>(point.seen());
  }

  @Override
  public boolean needsCommit(Object savepoint) {
    return !writes.isEmpty();
  }

  /** Writes everything pending, conditional on the versions read; starts afresh afterwards. */
  @Override
  public void commit(Object savepoint) {
    if (writes.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    List<VariableStore.Change> changes = new ArrayList<>();
    pending()
        .forEach(
            (key, json) ->
                changes.add(
                    new VariableStore.Change(
                        key,
                        json,
                        seen.get(key),
                        key.scope() == Scope.CALL ? now + callLifetime.toMillis() : 0)));
    store.apply(changes, now);
    writes.clear();
    seen.clear();
  }
}
