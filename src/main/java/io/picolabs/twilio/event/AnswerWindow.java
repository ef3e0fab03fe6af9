package io.picolabs.twilio.event;

import jakarta.enterprise.context.RequestScoped;
import java.util.function.BooleanSupplier;

/**
 * Whether the event being handled can still be answered. A webhook's deadline may answer the
 * fallback while a rule is still running; the event's effects go with its answer, so a rule that
 * returns after that commits nothing (its messages are not sent, its variables not written).
 */
@RequestScoped
public class AnswerWindow {
  private BooleanSupplier closed = () -> false;

  /** {@code closed} tells, when asked, whether the answer has been given without the rules. */
  public void closeWhen(BooleanSupplier closed) {
    this.closed = closed;
  }

  /** Whether the answer was given without waiting for the rules any longer. */
  public boolean closed() {
    return closed.getAsBoolean();
  }
}
