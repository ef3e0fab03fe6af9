package io.picolabs.twilio.event;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.action.Outbox;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's own cost of running one event through N rules: the rules do nothing, so what is
 * measured is selection, ordering, isolation and bookkeeping per rule (each rule a transaction over
 * the directives and the outbox, with nothing to commit). The container's observer resolution is
 * cached by the engine after the first event, so a stub stands in for it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {

  @Param({"1", "10", "100"})
  public int rules;

  private RuleEngine engine;
  private RuleEvent event;
  private Blackhole sink;

  @Setup
  public void setUp(Blackhole blackhole) {
    sink = blackhole;
    Set<ObserverMethod<? super RuleEvent>> observers = new LinkedHashSet<>();
    for (int i = 0; i < rules; i++) {
      observers.add(new NoOpRule(i));
    }
    BeanManager beanManager =
        (BeanManager)
            Proxy.newProxyInstance(
                BeanManager.class.getClassLoader(),
                new Class<?>[] {BeanManager.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("resolveObserverMethods")) {
                    return observers;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    engine =
        new RuleEngine(
            beanManager,
            new CurrentEvent(),
            new RuleTable(),
            List.of(new Directives(), new Outbox(null, null)),
            Runnable::run,
            () -> false);
    event = RuleEvent.of("twilio", "inbound_call", Map.of("From", "+18019919911"));
  }

  @Benchmark
  public Object dispatch() {
    return engine.raise(event);
  }

  private final class NoOpRule implements ObserverMethod<RuleEvent> {
    private final int priority;

    NoOpRule(int priority) {
      this.priority = priority;
    }

    @Override
    public Class<?> getBeanClass() {
      return DispatchBenchmark.class;
    }

    @Override
    public Type getObservedType() {
      return RuleEvent.class;
    }

    @Override
    public Set<Annotation> getObservedQualifiers() {
      return Set.of();
    }

    @Override
    public Reception getReception() {
      return Reception.ALWAYS;
    }

    @Override
    public TransactionPhase getTransactionPhase() {
      return TransactionPhase.IN_PROGRESS;
    }

    @Override
    public int getPriority() {
      return priority;
    }

    @Override
    public void notify(RuleEvent ruleEvent) {
      sink.consume(ruleEvent);
    }
  }
}
