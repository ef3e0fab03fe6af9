package io.picolabs.twilio.numbers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The remembered wirings in the application's database (the variables' persistence unit). Reads use
 * an entity manager of their own, so that they see the latest commit of any instance; each write is
 * a transaction of its own, never held open while Twilio is asked.
 */
@ApplicationScoped
public class PreviousWirings {
  private static final String UNIT = "twilio-rules";

  @PersistenceContext(unitName = UNIT)
  EntityManager em;

  @PersistenceUnit(unitName = UNIT)
  EntityManagerFactory factory;

  /** What is remembered of {@code number}, if anything. */
  public Optional<NumberState.Remembered> find(String number) {
    try (EntityManager reader = factory.createEntityManager()) {
      PreviousWiring row = reader.find(PreviousWiring.class, number);
      return Optional.ofNullable(row == null ? null : row.remembered());
    }
  }

  /**
   * Remembers {@code wiring} unless something is remembered of its number already (the original
   * values, which a second wiring must not replace): true if it was written. Two at once: one fails
   * on the key, and its caller reads what the other wrote.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean rememberFirst(PreviousWiring wiring) {
    if (em.find(PreviousWiring.class, wiring.number) != null) {
      return false;
    }
    em.persist(wiring);
    em.flush();
    return true;
  }

  /** Forgets what is remembered of {@code number}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forget(String number) {
    em.createNamedQuery(PreviousWiring.FORGET).setParameter("number", number).executeUpdate();
  }
}
