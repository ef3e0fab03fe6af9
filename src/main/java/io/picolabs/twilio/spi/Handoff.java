package io.picolabs.twilio.spi;

import java.util.concurrent.Callable;

/**
 * Context that goes with work handed from one thread to another: a webhook's rules leave the
 * request thread for a rule thread, and whatever belongs to the request (a trace, for the {@code
 * ops} package) should go with them. This package knows nothing of traces; beans of this type carry
 * what they know.
 */
public interface Handoff {

  /** {@code task}, to be run on another thread with what the current thread has. */
  <T> Callable<T> carry(Callable<T> task);
}
