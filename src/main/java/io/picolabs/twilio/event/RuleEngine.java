package io.picolabs.twilio.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
 */
@ApplicationScoped
public class RuleEngine {
  /** How deep events raised by rules may nest before the chain is taken for a loop. */
  public static final int MAX_DEPTH = 8;

  private static final Logger LOG = Logger.getLogger(RuleEngine.class.getName());
  // Event types come from URLs, so the cache of resolved rules must not grow without bound.
  private static final int CACHE_LIMIT = 1024;

  private BeanManager beanManager;
  private CurrentEvent current;
  private RuleTable names;
  private RuleTransaction transaction;
  private List<RuleWatch> watches = List.of();
  private final Map<String, List<ObserverMethod<? super RuleEvent>>> rulesByEvent =
      new ConcurrentHashMap<>();
  // Which rule each thread is in, so that a rule too slow to answer in time can be named.
  private final Map<Thread, String> running = new ConcurrentHashMap<>();

  /** What happened when an event was raised: the rules that ran, and those of them that failed. */
  public record Outcome(List<String> fired, List<String> failed) {}

  protected RuleEngine() {}

  @Inject
  RuleEngine(
      BeanManager beanManager,
      CurrentEvent current,
      RuleTable names,
      @Any Instance<RuleEffects> effects,
      RuleCommit commit,
      AnswerWindow window,
      @Any Instance<RuleWatch> watches) {
    // Client proxies of request-scoped beans: resolved once, each call reaches the request's own.
    this(beanManager, current, names, effects.stream().toList(), commit::run, window::closed);
    this.watches = watches.stream().toList();
  }

  /**
   * Out of the container: {@code transaction} runs the commits of {@code effects}; {@code answered}
   * tells whether the event was answered without its rules.
   */
  RuleEngine(
      BeanManager beanManager,
      CurrentEvent current,
      RuleTable names,
      List<RuleEffects> effects,
      Consumer<Runnable> transaction,
      BooleanSupplier answered) {
    this.beanManager = beanManager;
    this.current = current;
    this.names = names;
    this.transaction = new RuleTransaction(effects, transaction, answered);
  }

  /** Raises {@code domain type} with single-valued attributes. */
  public Outcome raise(String domain, String type, Map<String, String> attrs) {
    return raise(RuleEvent.of(domain, type, attrs));
  }

  /** Runs every rule that selects {@code event}; a rule's failure is logged, never thrown. */
  public Outcome raise(RuleEvent event) {
    if (current.depth() >= MAX_DEPTH) {
      throw new IllegalStateException(
          "event "
              + event
              + " not raised: events raised by rules nest deeper than "
              + MAX_DEPTH
              + " (a rule raising its own event?)");
    }
    current.enter(event);
    try {
      return runRules(event);
    } finally {
      current.leave();
    }
  }

  private Outcome runRules(RuleEvent event) {
    List<String> fired = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (ObserverMethod<? super RuleEvent> rule : rulesFor(event)) {
      String name = names.nameOf(rule);
      fired.add(name);
      Thread thread = Thread.currentThread();
      String outer = running.put(thread, name);
      List<RuleWatch.Run> runs = watch(name, event);
      RuleTransaction.Done done;
      try {
        done = transaction.run(() -> rule.notify(event), name, outer == null);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        // A rule's own bug, however it shows; errors of the whole JVM (out of memory) still escape.
        failed.add(name);
        Throwable cause = e instanceof ObserverException && e.getCause() != null ? e.getCause() : e;
        LOG.log(Level.WARNING, "rule " + name + " failed on event " + event + ": " + cause, cause);
        ended(runs, cause);
        continue;
      } finally {
        if (outer == null) {
          running.remove(thread);
        } else {
          running.put(thread, outer);
        }
      }
      ended(runs, null); // before its outcomes' rules, which are runs of their own
      done.publish(this::raiseOutcome);
    }
    return new Outcome(List.copyOf(fired), List.copyOf(failed));
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
    return Optional.ofNullable(running.get(thread));
  }

  /** An outcome of an outbound action: a failure to raise it must not undo what was sent. */
  private void raiseOutcome(RuleEvent outcome) {
    try {
      raise(outcome);
    } catch (RuntimeException e) {
      LOG.warning(() -> "outcome " + outcome + " not raised: " + e.getMessage());
    }
  }

  private List<ObserverMethod<? super RuleEvent>> rulesFor(RuleEvent event) {
    String key = event.domain() + '\u0000' + event.type();
    List<ObserverMethod<? super RuleEvent>> rules = rulesByEvent.get(key);
    if (rules == null) {
      rules = resolve(event);
      if (rulesByEvent.size() < CACHE_LIMIT) {
        rulesByEvent.put(key, rules);
      }
    }
    return rules;
  }

  private List<ObserverMethod<? super RuleEvent>> resolve(RuleEvent event) {
    List<ObserverMethod<? super RuleEvent>> rules = new ArrayList<>();
    for (ObserverMethod<? super RuleEvent> observer :
        beanManager.resolveObserverMethods(
            event, new Select.Literal(event.domain(), event.type()))) {
      if (!observer.isAsync()) {
        rules.add(observer);
      }
    }
    rules.sort(names.order());
    return List.copyOf(rules);
  }
}
