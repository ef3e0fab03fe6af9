package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of the application, as the container discovers them: it names each rule {@code
 * Class.method} (an {@link ObserverMethod} cannot tell which Java method it calls, and a log line
 * or a metric about a rule is little use without that), refuses a deployment whose rules the engine
 * could not run as written, and logs the table of rules once the application is valid.
 *
 * <p>The checks run when the beans are known and before the application starts, and the deployment
 * fails with every problem found, each naming its method ({@link RulesRefused}): a {@link Select}
 * whose domain or type is empty or not made of letters, digits, {@code _} and {@code -} (events
 * come from URLs, where such a rule could never be selected), {@code @Select} on an event that is
 * not a {@link RuleEvent} (never raised), an asynchronous or transactional rule (the engine runs
 * rules one by one on the request, and would run such an observer at once and on its thread), a
 * parameter that no bean supplies, and two rules with the same name (logs and metrics would mix
 * them up).
 */
public class RuleTable implements Extension {
  private static final Logger LOG = Logger.getLogger(RuleTable.class.getName());
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String ANY = "(every event)";

  private final Map<ObserverMethod<?>, String> names = new ConcurrentHashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * A discovered rule: where it is, what it selects, which parameters the container must supply.
   */
  private record Rule(
      String name,
      String method,
      List<Select> selects,
      int priority,
      List<AnnotatedParameter<?>> injected) {}

  // synchronized: a container may discover observers on several threads
  synchronized void discover(@Observes ProcessObserverMethod<?, ?> discovered) {
    ObserverMethod<?> observer = discovered.getObserverMethod();
    AnnotatedMethod<?> annotated = discovered.getAnnotatedMethod();
    List<Select> selects =
        observer.getObservedQualifiers().stream()
            .filter(Select.class::isInstance)
            .map(Select.class::cast)
            .toList();
    boolean rule = observer.getObservedType() == RuleEvent.class;
    if (!rule && selects.isEmpty()) {
      return; // not ours: an observer of something else
    }
    String method = annotated == null ? observer.getBeanClass().getName() : signature(annotated);
    if (!rule) {
      problems.add(
          method
              + ": @Select on an event of type "
              + observer.getObservedType().getTypeName()
              + "; rules observe RuleEvent (the engine raises nothing else)");
      return;
    }
    String name = annotated == null ? observer.getBeanClass().getSimpleName() : name(annotated);
    names.put(observer, name);
    for (Select select : selects) {
      check(method, "domain", select.domain());
      check(method, "type", select.type());
    }
    if (observer.isAsync()) {
      problems.add(
          method
              + ": a rule cannot be asynchronous (@ObservesAsync); the engine runs rules one by one"
              + " while the request waits: use @Observes");
    }
    if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
      problems.add(
          method
              + ": a rule cannot wait for a transaction phase (during = "
              + observer.getTransactionPhase()
              + "); the engine runs it at once: use @Observes without during");
    }
    List<AnnotatedParameter<?>> injected =
        annotated == null
            ? List.of()
            : annotated.getParameters().stream()
                .filter(
                    p ->
                        !p.isAnnotationPresent(Observes.class)
                            && !p.isAnnotationPresent(ObservesAsync.class))
                .<AnnotatedParameter<?>>map(p -> p)
                .toList();
    rules.add(new Rule(name, method, selects, observer.getPriority(), injected));
  }

  synchronized void check(@Observes AfterBeanDiscovery done, BeanManager beans) {
    List<String> found = new ArrayList<>(problems);
    for (Rule rule : rules) {
      for (AnnotatedParameter<?> parameter : rule.injected()) {
        Annotation[] qualifiers = qualifiers(parameter, beans);
        Type type = parameter.getBaseType();
        if (beans.getBeans(type, qualifiers).isEmpty()) {
          found.add(
              rule.method()
                  + ": parameter "
                  + (parameter.getPosition() + 1)
                  + " ("
                  + type.getTypeName()
                  + ") is not something the engine can supply: a rule's parameters are its"
                  + " RuleEvent and beans (Twilio, the variables, any bean of the application)");
        }
      }
    }
    Map<String, List<Rule>> byName =
        rules.stream()
            .collect(Collectors.groupingBy(Rule::name, TreeMap::new, Collectors.toList()));
    byName.forEach(
        (name, same) -> {
          if (same.size() > 1) {
            found.add(
                "two rules are named "
                    + name
                    + " ("
                    + same.stream().map(Rule::method).sorted().collect(Collectors.joining(", "))
                    + "); rename one (logs and metrics name rules Class.method)");
          }
        });
    if (!found.isEmpty()) {
      found.sort(null); // by method: the same list, in the same order, on every deployment
      done.addDefinitionError(new RulesRefused(found));
    }
  }

  void log(@Observes AfterDeploymentValidation valid) {
    LOG.info(table());
  }

  /** {@code Class.method} of the rule, or its bean class where the method is unknown. */
  public String nameOf(ObserverMethod<?> rule) {
    String name = names.get(rule);
    return name != null ? name : rule.getBeanClass().getSimpleName();
  }

  /**
   * The order rules run in: by {@code @Priority}, then by name, so that rules of equal priority run
   * in the same order on every server and every start (the container's is unspecified).
   */
  public Comparator<ObserverMethod<?>> order() {
    return Comparator.<ObserverMethod<?>>comparingInt(ObserverMethod::getPriority)
        .thenComparing(this::nameOf);
  }

  /**
   * The rules by the events they select, each line {@code domain type → rules in the order they
   * run} (with their priorities), and last the rules that see every event.
   */
  String table() {
    Map<String, List<Rule>> bySelect = new TreeMap<>();
    List<Rule> any = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.selects().isEmpty()) {
        any.add(rule);
      }
      for (Select select : rule.selects()) {
        bySelect
            .computeIfAbsent(select.domain() + " " + select.type(), k -> new ArrayList<>())
            .add(rule);
      }
    }
    Map<String, List<Rule>> lines = new LinkedHashMap<>(bySelect);
    if (!any.isEmpty()) {
      lines.put(ANY, any);
    }
    StringBuilder text =
        new StringBuilder(rules.size() + (rules.size() == 1 ? " rule" : " rules") + ":");
    lines.forEach(
        (event, selected) ->
            text.append("\n  ")
                .append(event)
                .append(" -> ")
                .append(
                    selected.stream()
                        .sorted(Comparator.comparingInt(Rule::priority).thenComparing(Rule::name))
                        .map(r -> r.name() + " (" + r.priority() + ")")
                        .collect(Collectors.joining(", "))));
    return text.toString();
  }

  private void check(String method, String part, String value) {
    if (!WORD.matcher(value).matches()) {
      problems.add(
          method
              + ": @Select "
              + part
              + " \""
              + value
              + "\" is "
              + (value.isEmpty() ? "empty" : "malformed")
              + "; use letters, digits, _ and -");
    }
  }

  private static Annotation[] qualifiers(AnnotatedParameter<?> parameter, BeanManager beans) {
    return parameter.getAnnotations().stream()
        .filter(a -> beans.isQualifier(a.annotationType()))
        .toArray(Annotation[]::new);
  }

  private static String name(AnnotatedMethod<?> annotated) {
    Method method = annotated.getJavaMember();
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  private static String signature(AnnotatedMethod<?> annotated) {
    Method method = annotated.getJavaMember();
    return method.getDeclaringClass().getName()
        + "."
        + method.getName()
        + "("
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "))
        + ")";
  }
}
