package io.picolabs.twilio.event;

/**
 * A rule's effects could not be committed because what it read was changed meanwhile by another
 * event (a variable incremented by a concurrent webhook of the same caller). The engine undoes the
 * rule's effects and runs it again on fresh data, so no update is lost.
 */
public class RuleConflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleConflict(String message) {
    super(message);
  }
}
