package io.picolabs.twilio.rules;

/**
 * The variables of the event's call ({@code CallSid}), shared by every webhook of that call: what
 * was gathered in one step, read in the next. They are removed when the call's status callback says
 * it has ended, or when their time is up ({@link CallLifetime}).
 */
public interface CallVars extends Vars {

  /**
   * The CallSid of the event being handled; throws {@link IllegalStateException} if the event is
   * not about a call.
   */
  String callSid();
}
