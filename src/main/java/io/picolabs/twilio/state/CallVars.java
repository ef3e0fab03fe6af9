package io.picolabs.twilio.state;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.event.RuleEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The variables of the event's call ({@code CallSid}), shared by every webhook of that call: what
 * was gathered in one step, read in the next. They are removed when the call's status callback says
 * it has ended, or when their time is up ({@link CallLifetime}).
 */
@RequestScoped
public class CallVars extends Vars {
  private CurrentEvent current;

  protected CallVars() {}

  @Inject
  public CallVars(CurrentEvent current, VariableWrites writes) {
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
