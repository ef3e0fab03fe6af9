package io.picolabs.twilio.event;

import io.picolabs.twilio.action.ActionUrls;
import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.action.Outbox;
import io.picolabs.twilio.action.TwilioActions;
import io.picolabs.twilio.config.Configuration;
import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.outbound.OutcomeEvents;
import io.picolabs.twilio.outbound.Sender;
import io.picolabs.twilio.outbound.StatusCallbacks;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Twilio;
import io.picolabs.twilio.schema.DatabaseClock;
import io.picolabs.twilio.spi.RuleWatch;
import io.picolabs.twilio.state.CallLifetime;
import io.picolabs.twilio.state.MemoryVariables;
import io.picolabs.twilio.state.VariableStore;
import io.picolabs.twilio.state.VariableWrites;
import io.picolabs.twilio.testing.TwilioRequests;
import io.picolabs.twilio.webhook.RuleDispatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One webhook event dispatched to N rules through a real CDI container: Weld SE, the CDI
 * implementation Liberty runs, with the project's own beans and the {@link RuleTable} extension.
 *
 * <p>Each invocation is what a webhook's rule thread does per request: {@link RuleDispatch#twiml}
 * (the webhook's entry point below HTTP) raises the event through the {@link RuleEntry}, which
 * activates a request context of its own through its {@code @ActivateRequestContext} interceptor,
 * so every request-scoped bean (directives, outbox, variable writes, {@link Twilio}, the current
 * event) is created afresh and destroyed with it; status callbacks are admitted, the {@link
 * RuleEngine} resolves the rules (cached after the first event) and runs each as a transaction over
 * the three kinds of effect, Weld notifies each observer method, injecting its {@link Twilio} and
 * event; the directives are written as TwiML.
 *
 * <p>Not included: HTTP and JAX-RS, the signature check, the idempotency store ({@code Replays}),
 * the hand-off to a rule thread and back ({@code Deadline}), building the event from the form, and
 * the {@link RuleWatch} beans of the {@code ops} package (a metric and a trace span per rule),
 * whose MicroProfile Metrics and Telemetry runtimes only the server has. No rule writes a variable
 * or sends anything, so no rule has anything to commit and, as on the server, no JTA transaction is
 * opened: the {@code @Transactional} of {@link RuleCommit} has no interceptor here and is never
 * reached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {
  // what the deadline passes its rules when it has not answered without them (not yet, or never)
  private static final BooleanSupplier NOT_ANSWERED = () -> false;
  private static final String ORIGIN = "https://rules.example.com";

  /** How many rules select the event, out of the 222 rules of {@link DispatchRules}. */
  @Param({"1", "10", "100"})
  public int rules;

  private WeldContainer container;
  private RuleDispatch dispatch;
  private RuleEvent say;
  private RuleEvent empty;

  @Setup(Level.Trial)
  public void boot() {
    container =
        new Weld()
            .disableDiscovery()
            .addExtension(new RuleTable())
            .addExtension(new NoBackgroundWork())
            .addBeanClasses(DispatchRules.BEANS.toArray(Class<?>[]::new))
            .addBeanClasses(
                // what a webhook's dispatch reaches, and what those beans inject in turn
                RuleDispatch.class,
                RuleEntry.class,
                RuleEngine.class,
                CurrentEvent.class,
                AnswerWindow.class,
                RequestOrigin.class,
                RuleCommit.class,
                TwilioActions.class,
                Directives.class,
                Outbox.class,
                VariableWrites.class,
                ActionUrls.class,
                PublicUrl.class,
                StatusCallbacks.class,
                CallLifetime.class,
                OutboxStore.class,
                Sender.class,
                DatabaseClock.class,
                OutcomeEvents.class,
                TwilioRest.class,
                TwilioAccounts.class,
                Configuration.class,
                ServerStandIns.class)
            .initialize();
    dispatch = container.select(RuleDispatch.class).get();
    say = webhook("say" + rules);
    empty = webhook("empty" + rules);
    check();
  }

  @TearDown(Level.Trial)
  public void shutDown() {
    container.close();
  }

  /** Rules that each add a {@code <Say>}: the answer is N verbs. */
  @Benchmark
  public String sayRules() {
    return dispatch.twiml(say, ORIGIN, NOT_ANSWERED); // returned: JMH's blackhole consumes it
  }

  /** Rules that take their event and {@link Twilio} and do nothing: the answer is empty. */
  @Benchmark
  public String emptyRules() {
    return dispatch.twiml(empty, ORIGIN, NOT_ANSWERED);
  }

  /**
   * Fails the trial unless each event fires exactly its N rules, named as the rule table names
   * them, and each dispatch has a request context of its own (a second dispatch answers the same,
   * not twice as much).
   */
  private void check() {
    try {
      container.getBeanManager().getContext(RequestScoped.class);
      throw new IllegalStateException(
          "a request context is already active: dispatch would not activate one per event");
    } catch (ContextNotActiveException expected) {
      // as on a rule thread: the RuleEntry activates one per event
    }
    RuleEngine engine = container.select(RuleEngine.class).get();
    RequestContextController request = container.select(RequestContextController.class).get();
    for (RuleEvent event : List.of(say, empty)) {
      request.activate();
      try {
        RuleEngine.Outcome outcome = engine.raise(event);
        String prefix = event == say ? "Say" : "Empty";
        if (outcome.fired().size() != rules
            || !outcome.failed().isEmpty()
            || !outcome.fired().stream()
                .allMatch(name -> name.matches(prefix + "\\d+\\w?\\.r\\d"))) {
          throw new IllegalStateException("event " + event + " fired " + outcome);
        }
      } finally {
        request.deactivate();
      }
    }
    for (int i = 0; i < 2; i++) {
      String said = sayRules();
      int says = said.split("<Say>", -1).length - 1;
      if (says != rules || !said.endsWith("</Response>")) {
        throw new IllegalStateException(says + " <Say> for " + rules + " rules: " + said);
      }
      String nothing = emptyRules();
      if (nothing.contains("<Say") || !nothing.endsWith("<Response/>")) {
        throw new IllegalStateException("empty rules answered " + nothing);
      }
    }
  }

  /** A voice webhook's event with the parameters Twilio sends for a call. */
  private static RuleEvent webhook(String type) {
    return RuleEvent.of("twilio", type, TwilioRequests.inboundCall("+18015552311"));
  }

  /**
   * The server starts background work when the application does (the outbox's sender, the purge of
   * expired call variables) on its managed scheduled executor, found by JNDI, which Weld SE has
   * not. That work runs beside requests, never in them, so its start is left out.
   */
  public static class NoBackgroundWork implements Extension {
    void leaveOut(@Observes ProcessObserverMethod<?, ?> observer) {
      Class<?> bean = observer.getObserverMethod().getBeanClass();
      boolean atStart =
          observer.getObserverMethod().getObservedQualifiers().stream()
              .anyMatch(Initialized.class::isInstance);
      if (atStart && (bean == Sender.class || bean == CallLifetime.class)) {
        observer.veto();
      }
    }
  }

  /**
   * Stand-ins for what only the server provides. None of them is reached while an event is
   * dispatched to these rules; the container needs them only to resolve every injection point of
   * the beans that are.
   */
  @Dependent
  static class ServerStandIns {

    /** The project's own in-memory store instead of JPA: no rule here reads or writes one. */
    @Produces
    @ApplicationScoped
    VariableStore variables() {
      return new MemoryVariables();
    }

    /** MicroProfile Config without settings: every bean takes its defaults, as on a bare server. */
    @Produces
    Config config() {
      return standIn(
          Config.class,
          (name, args) ->
              switch (name) {
                case "getOptionalValue" -> Optional.empty();
                case "getValue" -> throw new NoSuchElementException((String) args[0]);
                case "getPropertyNames", "getConfigSources" -> Set.of();
                default -> null;
              });
    }

    /** The servlet context, for the base path of action URLs: the application at the root. */
    @Produces
    ServletContext servletContext() {
      return standIn(
          ServletContext.class,
          (name, args) ->
              switch (name) {
                case "getContextPath" -> "";
                case "getServletRegistrations" -> Map.of();
                default -> null;
              });
    }

    private interface Answers {
      Object answer(String method, Object[] args);
    }

    private static <T> T standIn(Class<T> type, Answers answers) {
      return type.cast(
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " stand-in";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default ->
                        Optional.ofNullable(answers.answer(method.getName(), args))
                            .orElseThrow(
                                () ->
                                    new UnsupportedOperationException(
                                        type.getSimpleName() + " stand-in: " + method.getName()));
                  }));
    }
  }
}
