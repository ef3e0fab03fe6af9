package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.spi.RuleEffects;
import io.picolabs.twilio.spi.RuleWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises events to the rules that select them, one rule at a time, in {@code @Priority} order.
 *
 * <p>CDI's own {@code Event.fire} stops at the first observer that throws; KRL did not let one
 * broken rule silence the others, and neither does this. Each rule runs on its own: if it throws,
 * the exception is logged with the rule's name, whatever that rule had added to the response is
 * taken back, and the next rule runs. Rules may raise further events (KRL's {@code raise}); those
 * run at once, in the same request, and add to the same response.
 *
 * <p>Each rule is a transaction ({@link RuleTransaction}) over every {@link RuleEffects} bean:
 * directives, outbound actions, variable writes. The engine names none of them. What a rule did is
 * committed when it returns normally, or, for a rule of an event raised by another rule, when that
 * outermost rule does; then the effects are published (messages sent) and their outcomes raised as
 * events before the next rule runs.
 *
 * <p>Every {@link RuleWatch} bean is told when each rule starts and how it ended (for metrics and
 * traces).
 *
 * <p>The effects, the current event and the answer window are request-scoped beans, which the
 * engine (application-scoped, used by every request thread at once) could only reach through their
 * client proxies, each call a look-up in the request context: some thirteen per rule, the larger
 * part of a rule's cost as measured through Weld SE ({@code DispatchBenchmark}; figures in
 * docs/adr/0002-engine-bypasses-client-proxies.md). So each outermost event takes the request's own
 * instances from the request context once (the CDI SPI's {@link Context#get}), and its rules, and
 * those of the events they raise, run over them. (Not through a method returning {@code this}:
 * Weld's client proxy returns itself in its place.)
 */
@ApplicationScoped
public class RuleEngine {
  /** How deep events raised by rules may nest before the chain is taken for a loop. */
  public static final int MAX_DEPTH = 8;

  private static final Logger LOG = Logger.getLogger(RuleEngine.class.getName());
  // Event types come from URLs, so the cache of resolved rules must not grow without bound.
  private static final int CACHE_LIMIT = 1024;

  private BeanManager beanManager;
  private Own<CurrentEvent> current;
  private RuleTable names;
  private List<EffectKind> effects;
  private Consumer<Runnable> commit;
  private Supplier<AnswerGate> gate;
  private List<RuleWatch> watches = List.of();
  private final Map<String, Rules> rulesByEvent = new ConcurrentHashMap<>();
  // The event each thread is running (its outermost one), so that a rule too slow to answer in time
  // can be named: put once per event, the rule then kept in the event's Run. A put and a remove per
  // rule, with a look-up of its name, was a measurable part of an empty rule's cost
  // (DispatchBenchmark, Weld SE; docs/adr/0002-engine-bypasses-client-proxies.md).
  private final Map<Thread, Run> running = new ConcurrentHashMap<>();

  /**
   * A bean the rules run over, whose instance each outermost event takes once: that of its context
   * as it is then (created there if it was not yet), or, without {@code bean} (out of the
   * container, or a bean of a pseudo-scope), the one {@code instance} the engine holds.
   */
  private record Own<T>(Bean<T> bean, T instance) {
    static <T> Own<T> of(BeanManager beans, Instance.Handle<T> handle) {
      Bean<T> bean = handle.getBean();
      return beans.isNormalScope(bean.getScope())
          ? new Own<>(bean, null)
          : new Own<>(null, handle.get());
    }

    T in(BeanManager beans) {
      if (bean == null) {
        return instance;
      }
      Context context = beans.getContext(bean.getScope());
      T own = context.get(bean);
      return own != null ? own : context.get(bean, beans.createCreationalContext(bean));
    }
  }

  /**
   * A kind of effect. Once an instance has given its {@link RuleEffects#emptySavepoint} (the first
   * event's creates it), each request's is left to the first rule that uses it: creating every kind
   * for every event, when an event's rules use one or two, was about a tenth of a relay prompt's
   * user CPU (JFR, docs/performance.md). Out of the container, or without an empty savepoint, each
   * event takes its instance as before.
   */
  private static final class EffectKind {
    private final Own<RuleEffects> own;
    private volatile Object empty; // the kind's empty savepoint, once an instance gave it

    EffectKind(Own<RuleEffects> own) {
      this.own = own;
    }

    RuleTransaction.Slot slot(BeanManager beans) {
      Object known = empty;
      if (own.bean() == null || known == null) {
        RuleEffects instance = own.in(beans);
        if (own.bean() != null) {
          empty = instance.emptySavepoint();
        }
        return RuleTransaction.Slot.of(instance);
      }
      Bean<RuleEffects> bean = own.bean();
      Context context = beans.getContext(bean.getScope());
      return new RuleTransaction.Slot() {
        private RuleEffects found; // this request's, once a rule created it

        @Override
        RuleEffects existing() {
          if (found == null) {
            found = context.get(bean);
          }
          return found;
        }

        @Override
        Object empty() {
          return known;
        }
      };
    }
  }

  /**
   * A rule, with its name looked up once (see {@link #running} for the cost of doing it per rule).
   */
  private record Rule(ObserverMethod<? super RuleEvent> observer, String name) {}

  /** The rules an event selects, in the order they run, and their names in that order. */
  private record Rules(List<Rule> rules, List<String> names) {}

  /**
   * One outermost event being handled on one thread, in one request, and the events its rules
   * raise: the request's own instances (not client proxies) of the current event and of the
   * effects, and the rule running now.
   */
  private static final class Run {
    final CurrentEvent current;
    final RuleTransaction transaction;
    // written only by the thread running the event; read by the deadline's timer
    volatile String rule;

    Run(CurrentEvent current, RuleTransaction transaction) {
      this.current = current;
      this.transaction = transaction;
    }
  }

  /** What happened when an event was raised: the rules that ran, and those of them that failed. */
  public record Outcome(List<String> fired, List<String> failed) {
    /** No rule ran: the event did not reach them. */
    public static final Outcome NONE = new Outcome(List.of(), List.of());
  }

  protected RuleEngine() {}

  @Inject
  RuleEngine(
      BeanManager beanManager,
      Instance<CurrentEvent> current,
      RuleTable names,
      @Any Instance<RuleEffects> effects,
      RuleCommit commit,
      Instance<AnswerWindow> window,
      @Any Instance<RuleWatch> watches) {
    this.beanManager = beanManager;
    this.current = Own.of(beanManager, current.getHandle());
    this.names = names;
    this.effects =
        effects.handlesStream().map(effect -> new EffectKind(Own.of(beanManager, effect))).toList();
    this.commit = commit::run;
    Own<AnswerWindow> answerWindow = Own.of(beanManager, window.getHandle());
    this.gate = () -> answerWindow.in(beanManager).gate(); // the request's own, per event
    this.watches = watches.stream().toList();
  }

  /**
   * Out of the container: {@code transaction} runs the commits of {@code effects}; {@code gate}
   * stands between the events' answer and their rules' commits.
   */
  RuleEngine(
      BeanManager beanManager,
      CurrentEvent current,
      RuleTable names,
      List<RuleEffects> effects,
      Consumer<Runnable> transaction,
      AnswerGate gate) {
    this.beanManager = beanManager;
    this.current = new Own<>(null, current);
    this.names = names;
    this.effects = effects.stream().map(effect -> new EffectKind(new Own<>(null, effect))).toList();
    this.commit = transaction;
    this.gate = () -> gate;
  }

  /** Raises {@code domain type} with single-valued attributes. */
  public Outcome raise(String domain, String type, Map<String, String> attrs) {
    return raise(RuleEvent.of(domain, type, attrs));
  }

  /** Runs every rule that selects {@code event}; a rule's failure is logged, never thrown. */
  public Outcome raise(RuleEvent event) {
    CurrentEvent request = current.in(beanManager); // a nested event's only look-up
    Thread thread = Thread.currentThread();
    Run outer = running.get(thread);
    if (outer != null && outer.current == request) {
      return raise(outer, event); // raised by a rule (or an outcome) of this request's event
    }
    Run run = new Run(request, transaction());
    running.put(thread, run);
    try {
      return raise(run, event);
    } finally {
      if (outer == null) {
        running.remove(thread);
      } else { // an event of another request context, raised on this thread inside outer's
        running.put(thread, outer);
      }
    }
  }

  /** A transaction over this request's own effects, and its own answer window. */
  private RuleTransaction transaction() {
    List<RuleTransaction.Slot> own = new ArrayList<>(effects.size());
    for (EffectKind effect : effects) {
      own.add(effect.slot(beanManager));
    }
    return new RuleTransaction(own, gate.get(), commit);
  }

  private Outcome raise(Run run, RuleEvent event) {
    if (run.current.depth() >= MAX_DEPTH) {
      throw new IllegalStateException(
          "event "
              + event
              + " not raised: events raised by rules nest deeper than "
              + MAX_DEPTH
              + " (a rule raising its own event?)");
    }
    run.current.enter(event);
    try {
      return runRules(run, event);
    } finally {
      run.current.leave();
    }
  }

  private Outcome runRules(Run run, RuleEvent event) {
    Rules rules = rulesFor(event);
    List<String> failed = null;
    List<Rule> selected = rules.rules();
    // the last rule of the event being answered (not of one a rule raised): what the rules answer
    // is complete at its commit
    boolean answered = run.current.depth() == 1;
    for (int i = 0; i < selected.size(); i++) {
      Rule rule = selected.get(i);
      boolean last = answered && i == selected.size() - 1;
      String name = rule.name();
      String outer = run.rule;
      run.rule = name;
      List<RuleWatch.Run> runs = watch(name, event);
      RuleTransaction.Done done;
      try {
        done = run.transaction.run(() -> rule.observer().notify(event), name, outer == null, last);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        // A rule's own bug, however it shows; errors of the whole JVM (out of memory) still escape.
        if (failed == null) {
          failed = new ArrayList<>();
        }
        failed.add(name);
        Throwable cause = e instanceof ObserverException && e.getCause() != null ? e.getCause() : e;
        LOG.log(Level.WARNING, "rule " + name + " failed on event " + event + ": " + cause, cause);
        ended(runs, cause);
        continue;
      } finally {
        run.rule = outer;
      }
      ended(runs, null); // before its outcomes' rules, which are runs of their own
      done.publish(this::raiseOutcome);
    }
    // every rule selected fired, failed or not
    return new Outcome(rules.names(), failed == null ? List.of() : List.copyOf(failed));
  }

  /** Tells every watch that {@code rule} starts; a watch that fails is left out of this run. */
  private List<RuleWatch.Run> watch(String rule, RuleEvent event) {
    if (watches.isEmpty()) {
      return List.of();
    }
    List<RuleWatch.Run> runs = new ArrayList<>(watches.size());
    for (RuleWatch watch : watches) {
      try {
        runs.add(watch.started(rule, event));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "rule watch " + watch + " failed: " + e, e);
      }
    }
    return runs;
  }

  private static void ended(List<RuleWatch.Run> runs, Throwable failure) {
    // in reverse, so that what a watch made current on start (a trace span) is closed in order
    for (int i = runs.size() - 1; i >= 0; i--) {
      try {
        runs.get(i).ended(failure);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "rule watch failed: " + e, e);
      }
    }
  }

  /** The rule running on {@code thread} right now, if any. */
  public Optional<String> ruleRunningOn(Thread thread) {
    Run run = running.get(thread);
    return run == null ? Optional.empty() : Optional.ofNullable(run.rule);
  }

  /** An outcome of an outbound action: a failure to raise it must not undo what was sent. */
  private void raiseOutcome(RuleEvent outcome) {
    try {
      raise(outcome);
    } catch (RuntimeException e) {
      LOG.warning(() -> "outcome " + outcome + " not raised: " + e.getMessage());
    }
  }

  private Rules rulesFor(RuleEvent event) {
    String key = event.domain() + '\u0000' + event.type();
    Rules rules = rulesByEvent.get(key);
    if (rules == null) {
      rules = resolve(event);
      if (rulesByEvent.size() < CACHE_LIMIT) {
        rulesByEvent.put(key, rules);
      }
    }
    return rules;
  }

  private Rules resolve(RuleEvent event) {
    List<ObserverMethod<? super RuleEvent>> observers = new ArrayList<>();
    for (ObserverMethod<? super RuleEvent> observer :
        beanManager.resolveObserverMethods(
            event, new Select.Literal(event.domain(), event.type()))) {
      if (!observer.isAsync()) {
        observers.add(observer);
      }
    }
    observers.sort(names.order());
    List<Rule> rules = new ArrayList<>(observers.size());
    for (ObserverMethod<? super RuleEvent> observer : observers) {
      rules.add(new Rule(observer, names.nameOf(observer)));
    }
    return new Rules(List.copyOf(rules), rules.stream().map(Rule::name).toList());
  }
}
