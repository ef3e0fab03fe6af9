package io.picolabs.twilio.state;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.CallVars;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** {@link CallVars} of the event being handled, over the request's pending writes. */
@RequestScoped
public class CallVariables extends ScopedVariables implements CallVars {
  private CurrentEvent current;

  protected CallVariables() {}

  @Inject
  public CallVariables(CurrentEvent current, VariableWrites writes) {
    super(writes);
    this.current = current;
  }

  /** The CallSid of the event being handled. */
  public String callSid() {
    RuleEvent event = current.get();
    String sid = event.attr("CallSid");
    if (sid == null || sid.isBlank()) {
      throw new IllegalStateException("event " + event + " is not about a call: it has no CallSid");
    }
    return sid;
  }

  @Override
  protected Scope scope() {
    return Scope.CALL;
  }

  @Override
  protected String owner() {
    return callSid();
  }
}
