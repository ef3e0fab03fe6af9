package io.picolabs.twilio.host;

/** The host's own exception. */
public class OrderMissing extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OrderMissing(String id) {
    super("no order " + id);
  }
}
