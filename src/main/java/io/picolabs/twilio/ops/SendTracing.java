package io.picolabs.twilio.ops;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.picolabs.twilio.spi.SendTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Traces (MicroProfile Telemetry) across the outbox: the rule's trace context is kept with the
 * entry it writes, as a W3C {@code traceparent}, and the REST call that sends the entry runs in a
 * span {@code twilio send sms} / {@code twilio place call} of that same trace, so that the REST
 * client's own span (Liberty's) lands in the webhook's trace even though it runs later, on the
 * sender's thread, possibly on another instance. With the SDK disabled (the default) nothing is
 * captured and the send runs as it is.
 */
@ApplicationScoped
public class SendTracing implements SendTrace {
  private static final String TRACEPARENT = "traceparent";
  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  @Inject Tracer tracer;

  @Override
  public String capture() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  @Override
  public <T> T resume(String traceparent, String name, Supplier<T> send) {
    Context parent =
        traceparent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
    Span span = tracer.spanBuilder("twilio " + name).setParent(parent).startSpan();
    try (Scope scope = span.makeCurrent()) {
      return send.get();
    } catch (RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
