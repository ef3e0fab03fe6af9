package io.picolabs.twilio.event;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the event being handled can still be answered. A webhook's deadline may answer the
 * fallback while a rule is still running; the event's effects go with its answer, so a rule that
 * returns after that commits nothing (its messages are not sent, its variables not written).
 */
@RequestScoped
public class AnswerWindow {
  private AnswerGate gate = new AnswerGate();

  /** The event being handled is answered through {@code gate}. */
  public void use(AnswerGate gate) {
    this.gate = gate;
  }

  /** The gate between the event's answer and its rules' commits. */
  public AnswerGate gate() {
    return gate;
  }
}
