package io.picolabs.twilio.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one transaction in which a rule's effects are committed, so that they all land or none does.
 * A bean of its own because {@code @Transactional} works only on calls through the container.
 */
@ApplicationScoped
public class RuleCommit {

  /** Runs {@code commits} in a new transaction, rolled back if it throws. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable commits) {
    commits.run();
  }
}
