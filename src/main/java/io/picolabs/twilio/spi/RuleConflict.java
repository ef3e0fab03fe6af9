package io.picolabs.twilio.spi;

/**
 * A rule's effects could not be committed because what it read was changed meanwhile by another
 * event (a variable incremented by a concurrent webhook of the same caller). The engine undoes the
 * rule's effects and runs it again on fresh data, so no update is lost.
 */
public class RuleConflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String contended;

  /** {@code contended} names what was changed meanwhile, e.g. a variable's key. */
  public RuleConflict(String contended, String message) {
    super(message);
    this.contended = contended;
  }

  /** What was changed meanwhile: rules that meet on it are run again one at a time. */
  public String contended() {
    return contended;
  }
}
