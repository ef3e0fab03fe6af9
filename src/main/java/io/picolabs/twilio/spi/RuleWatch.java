package io.picolabs.twilio.spi;

import io.picolabs.twilio.rules.RuleEvent;

/**
 * Watches rules run, for whoever measures or traces them: the engine tells every {@code RuleWatch}
 * bean when a rule starts, on the thread it runs on, and how it ended. The engine names none of
 * them, as it names no effect, so that measuring (the {@code ops} package) depends on the engine
 * and never the reverse. A watch that throws is logged and ignored: it never fails a rule.
 */
public interface RuleWatch {

  /**
   * Rule {@code rule} (named as the engine names it, {@code Class.method}) starts on {@code event},
   * on the current thread; the returned run is told, on the same thread, how it ended.
   */
  Run started(String rule, RuleEvent event);

  /** One rule run being watched. */
  interface Run {
    /**
     * The rule ended: normally and committed ({@code failure} is null), or with {@code failure},
     * its effects undone.
     */
    void ended(Throwable failure);
  }
}
