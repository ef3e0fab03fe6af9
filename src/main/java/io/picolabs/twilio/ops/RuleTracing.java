package io.picolabs.twilio.ops;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.RuleWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Traces (MicroProfile Telemetry): a span around each rule run, named {@code rule Class.method},
 * child of the span current when it starts. Liberty makes the webhook's own span (JAX-RS) current
 * on the request thread, where the rules run, so a webhook and its rules are one trace. A rule's
 * sends go out later from the outbox, on the sender's threads: each REST call to Twilio starts a
 * trace of its own.
 *
 * <p>With the SDK disabled (the default, {@code otel.sdk.disabled=true}) the tracer is a no-op and
 * this costs next to nothing.
 */
@ApplicationScoped
public class RuleTracing implements RuleWatch {

  @Inject Tracer tracer;

  @Override
  public Run started(String rule, RuleEvent event) {
    Span span =
        tracer
            .spanBuilder("rule " + rule)
            .setAttribute("twilio.rule", rule)
            .setAttribute("twilio.event.domain", event.domain())
            .setAttribute("twilio.event.type", event.type())
            .startSpan();
    Scope scope = span.makeCurrent(); // the rule's own calls (a REST client) become its children
    return failure -> {
      try {
        if (failure != null) {
          span.recordException(failure);
          span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
      } finally {
        scope.close();
        span.end();
      }
    };
  }
}
