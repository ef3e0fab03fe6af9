package io.picolabs.twilio.event;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names each rule {@code Class.method} as the container discovers it, since an {@link
 * ObserverMethod} cannot tell which Java method it calls, and a log line about a failed rule is
 * little use without that.
 */
public class RuleNames implements Extension {
  private final Map<ObserverMethod<?>, String> names = new ConcurrentHashMap<>();

  void name(@Observes ProcessObserverMethod<RuleEvent, ?> discovered) {
    Method method = discovered.getAnnotatedMethod().getJavaMember();
    names.put(
        discovered.getObserverMethod(),
        method.getDeclaringClass().getSimpleName() + "." + method.getName());
  }

  /** {@code Class.method} of the rule, or its bean class where the method is unknown. */
  public String nameOf(ObserverMethod<?> rule) {
    String name = names.get(rule);
    return name != null ? name : rule.getBeanClass().getSimpleName();
  }
}
