package io.picolabs.twilio.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Webhook answers in the application's database, shared by every instance: the first to claim a
 * delivery answers it, the others read its answer. Each call is a transaction of its own.
 */
@ApplicationScoped
public class ReplayStore {
  private static final String UNIT = "twilio-rules";

  /** Jakarta Persistence's hint: a statement's timeout, in milliseconds. */
  private static final String TIMEOUT = "jakarta.persistence.query.timeout";

  @PersistenceContext(unitName = UNIT)
  EntityManager em;

  @PersistenceUnit(unitName = UNIT)
  EntityManagerFactory factory;

  /**
   * Claims delivery {@code key} as {@code claim} until {@code leaseEndMillis}: false if it is
   * answered, or claimed and its lease or window not over. A claim whose lease ran out without its
   * rules committing (its holder died) is taken over. Two claims at once: one fails on the key (a
   * persistence exception), which is a no. Each statement is given up after {@code timeout} (a
   * persistence exception): the claim is made on the caller's time, before its deadline starts
   * counting for the rules, and a database held up must not keep the caller waiting.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(
      String key, String claim, long nowMillis, long leaseEndMillis, Duration timeout) {
    int millis = (int) Math.max(1, timeout.toMillis());
    List<?> earlier =
        em.createNamedQuery(StoredAnswer.LEASE)
            .setParameter(1, key)
            .setHint(TIMEOUT, millis)
            .getResultList();
    if (!earlier.isEmpty()) {
      // conditional: if the holder's commit extends the row meanwhile, this deletes nothing
      if (((Number) earlier.get(0)).longValue() > nowMillis
          || em.createNamedQuery(StoredAnswer.OVER)
                  .setParameter("key", key)
                  .setParameter("now", nowMillis)
                  .setHint(TIMEOUT, millis)
                  .executeUpdate()
              == 0) {
        return false;
      }
    }
    em.createNamedQuery(StoredAnswer.CLAIM)
        .setParameter(1, key)
        .setParameter(2, claim)
        .setParameter(3, leaseEndMillis)
        .setHint(TIMEOUT, millis)
        .executeUpdate();
    return true;
  }

  /**
   * Inside the transaction of the rules' effects: they commit for delivery {@code key} under {@code
   * claim}, which is then kept until {@code windowEndMillis}, so that no retry runs the rules
   * again. Fails (and so rolls the effects back) if the claim was taken over meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void rulesCommitted(String key, String claim, long windowEndMillis) {
    int marked =
        em.createNamedQuery(StoredAnswer.COMMITTED)
            .setParameter(1, windowEndMillis)
            .setParameter(2, key)
            .setParameter(3, claim)
            .executeUpdate();
    if (marked != 1) {
      throw new IllegalStateException(
          "the delivery's claim ran out and a retry took it over: these effects are dropped");
    }
  }

  /** Records the answer to a delivery claimed as {@code claim}, kept until the window's end. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void answer(String key, String claim, String answer, long windowEndMillis) {
    em.createNamedQuery(StoredAnswer.ANSWER)
        .setParameter(1, answer)
        .setParameter(2, windowEndMillis)
        .setParameter(3, key)
        .setParameter(4, claim)
        .executeUpdate();
  }

  /** Gives up a claim whose answer failed, so that a retry runs the rules. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String key, String claim) {
    em.createNamedQuery(StoredAnswer.RELEASE)
        .setParameter("key", key)
        .setParameter("claim", claim)
        .executeUpdate();
  }

  /**
   * Where a claimed delivery stands: its answer (null until it has one), whether its rules' effects
   * committed, and when its lease (or window) ends.
   */
  public record Held(String answer, boolean rulesCommitted, long expiresMillis) {}

  /** Delivery {@code key} as it stands, if it is claimed. */
  public Optional<Held> find(String key) {
    try (EntityManager reader = factory.createEntityManager()) {
      StoredAnswer stored = reader.find(StoredAnswer.class, key);
      return stored == null
          ? Optional.empty()
          : Optional.of(new Held(stored.answer, stored.rulesCommitted == 1, stored.expiresMillis));
    }
  }

  /** Removes the answers whose window has passed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(long nowMillis) {
    return em.createNamedQuery(StoredAnswer.EXPIRED).setParameter("now", nowMillis).executeUpdate();
  }
}
