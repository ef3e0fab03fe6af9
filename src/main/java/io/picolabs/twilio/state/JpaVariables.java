package io.picolabs.twilio.state;

import io.picolabs.twilio.event.DuplicateKey;
import io.picolabs.twilio.spi.RuleConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variables in the application's database (Derby or PostgreSQL, {@code jdbc/twilioRules}), one row
 * each. Nothing is cached: several instances share the database and each read sees the latest
 * commit.
 *
 * <p>Reads go through an entity manager of their own, opened and closed for each: the container's
 * transaction-scoped one, used outside a transaction, may hand back an entity it read earlier on
 * the same thread, and a rule reading a stale version would conflict on every attempt. Writes use
 * the container's, inside the rule's commit transaction.
 */
@ApplicationScoped
public class JpaVariables implements VariableStore {
  /** The persistence unit of {@code META-INF/persistence.xml}. */
  public static final String UNIT = "twilio-rules";

  @PersistenceContext(unitName = UNIT)
  EntityManager em;

  @PersistenceUnit(unitName = UNIT)
  EntityManagerFactory factory;

  @Override
  public Stored find(VarKey key, long nowMillis) {
    try (EntityManager reader = factory.createEntityManager()) {
      StoredVariable row = reader.find(StoredVariable.class, new StoredVariable.Key(key));
      if (row == null) {
        return Stored.ABSENT;
      }
      // An expired row reads as absent but keeps its version, so that writing it again updates it.
      return new Stored(row.expired(nowMillis) ? null : row.json, row.version);
    }
  }

  @Override
  public Map<String, String> all(Scope scope, String owner, long nowMillis) {
    Map<String, String> values = new LinkedHashMap<>();
    try (EntityManager reader = factory.createEntityManager()) {
      reader
          .createNamedQuery(StoredVariable.OF_OWNER, StoredVariable.class)
          .setParameter("scope", scope.code())
          .setParameter("owner", owner)
          .setParameter("now", nowMillis)
          .getResultList()
          .forEach(row -> values.put(row.name, row.json));
    }
    return values;
  }

  @Override
  public List<Entry> newest(Scope scope, String name, int limit, long nowMillis) {
    List<Entry> entries = new ArrayList<>();
    try (EntityManager reader = factory.createEntityManager()) {
      reader
          .createNamedQuery(StoredVariable.NEWEST, StoredVariable.class)
          .setParameter("scope", scope.code())
          .setParameter("name", name)
          .setParameter("now", nowMillis)
          .setMaxResults(limit)
          .getResultList()
          .forEach(row -> entries.add(new Entry(row.owner, row.json, row.updatedMillis)));
    }
    return entries;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(List<Change> changes, long nowMillis) {
    for (Change change : changes) {
      if (change.json() == null) {
        remove(change);
      } else {
        write(change, nowMillis);
      }
    }
  }

  private void write(Change change, long nowMillis) {
    Long expected = change.expectedVersion();
    if (expected == null || expected != 0) {
      Query update =
          em.createNamedQuery(expected == null ? StoredVariable.UPDATE : StoredVariable.UPDATE_IF)
              .setParameter(1, change.json())
              .setParameter(2, nowMillis)
              .setParameter(3, change.expiresAtMillis())
              .setParameter(4, change.key().scope().code())
              .setParameter(5, change.key().owner())
              .setParameter(6, change.key().name());
      if (expected != null) {
        update.setParameter(7, expected);
      }
      if (update.executeUpdate() == 1) {
        return;
      }
      if (expected != null) {
        throw conflict(change.key());
      }
    }
    try {
      em.persist(
          new StoredVariable(change.key(), change.json(), nowMillis, change.expiresAtMillis()));
      em.flush();
    } catch (PersistenceException e) {
      if (DuplicateKey.in(e)) { // another rule created it first
        throw conflict(change.key());
      }
      throw e;
    }
  }

  private void remove(Change change) {
    Long expected = change.expectedVersion();
    if (expected == null) {
      keyed(StoredVariable.DELETE, change.key()).executeUpdate();
    } else if (expected != 0
        && keyed(StoredVariable.DELETE_IF, change.key())
                .setParameter("version", expected)
                .executeUpdate()
            == 0) {
      throw conflict(change.key());
    }
  }

  private Query keyed(String query, VarKey key) {
    return em.createNamedQuery(query)
        .setParameter("scope", key.scope().code())
        .setParameter("owner", key.owner())
        .setParameter("name", key.name());
  }

  private static RuleConflict conflict(VarKey key) {
    return new RuleConflict(
        key.toString(), key + " was changed by another event since the rule read it");
  }

  @Override
  @Transactional
  public int removeAll(Scope scope, String owner) {
    return em.createNamedQuery(StoredVariable.DELETE_OWNER)
        .setParameter("scope", scope.code())
        .setParameter("owner", owner)
        .executeUpdate();
  }

  @Override
  @Transactional
  public int removeExpired(long nowMillis) {
    return em.createNamedQuery(StoredVariable.DELETE_EXPIRED)
        .setParameter("now", nowMillis)
        .executeUpdate();
  }
}
