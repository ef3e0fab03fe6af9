package io.picolabs.twilio.spi;

import jakarta.enterprise.inject.Instance;
import java.util.function.Supplier;

/**
 * Carries a send's trace from the rule that wrote it to the REST call that sends it, later, on the
 * sender's thread and maybe on another instance: the trace context when the entry is written (kept
 * with it, as a W3C {@code traceparent}), made current again around the REST call. A bean of the
 * application implements it where tracing is available (the ops package, through MicroProfile
 * Telemetry); without one, nothing is carried.
 */
public interface SendTrace {

  /**
   * The current trace context as a W3C {@code traceparent}, or {@code null} when none is traced.
   */
  String capture();

  /**
   * Runs {@code send}, the REST call named {@code name} ({@code send sms}, {@code place call}), in
   * the trace of {@code traceparent} ({@code null}: a trace of its own).
   */
  <T> T resume(String traceparent, String name, Supplier<T> send);

  /** The application's, or one that carries nothing when tracing is not there. */
  static SendTrace of(Instance<SendTrace> candidates) {
    return candidates.stream().findFirst().orElse(NONE);
  }

  /** Carries nothing: no context captured, the send run as it is. */
  SendTrace NONE =
      new SendTrace() {
        @Override
        public String capture() {
          return null;
        }

        @Override
        public <T> T resume(String traceparent, String name, Supplier<T> send) {
          return send.get();
        }
      };
}
