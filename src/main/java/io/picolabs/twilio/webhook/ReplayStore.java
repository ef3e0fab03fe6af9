package io.picolabs.twilio.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Webhook answers in the application's database, shared by every instance: the first to claim a
 * delivery answers it, the others read its answer. Each call is a transaction of its own.
 */
@ApplicationScoped
public class ReplayStore {
  private static final String UNIT = "twilio-rules";

  @PersistenceContext(unitName = UNIT)
  EntityManager em;

  @PersistenceUnit(unitName = UNIT)
  EntityManagerFactory factory;

  /**
   * Claims delivery {@code key} until {@code expiresMillis}: false if it is claimed and not
   * expired. Two claims at once: one fails on the key (a persistence exception), which is a no.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(String key, long nowMillis, long expiresMillis) {
    StoredAnswer earlier = em.find(StoredAnswer.class, key);
    if (earlier != null) {
      if (earlier.expiresMillis > nowMillis) {
        return false;
      }
      em.remove(earlier);
      em.flush();
    }
    em.persist(new StoredAnswer(key, expiresMillis));
    em.flush();
    return true;
  }

  /** Records the answer to a delivery this instance claimed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void answer(String key, String answer) {
    em.createNamedQuery(StoredAnswer.ANSWER)
        .setParameter(1, answer)
        .setParameter(2, key)
        .executeUpdate();
  }

  /** Gives up a claim whose answer failed, so that a retry runs the rules. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String key) {
    em.createNamedQuery(StoredAnswer.RELEASE).setParameter("key", key).executeUpdate();
  }

  /** The answer to delivery {@code key}, once it has one. */
  public Optional<String> answerOf(String key) {
    try (EntityManager reader = factory.createEntityManager()) {
      StoredAnswer stored = reader.find(StoredAnswer.class, key);
      return Optional.ofNullable(stored == null ? null : stored.answer);
    }
  }

  /** Removes the answers whose window has passed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(long nowMillis) {
    return em.createNamedQuery(StoredAnswer.EXPIRED).setParameter("now", nowMillis).executeUpdate();
  }
}
