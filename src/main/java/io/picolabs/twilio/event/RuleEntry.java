package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.AfterEvent;
import io.picolabs.twilio.spi.EventGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way into the rules, for Twilio's webhooks, the event channel and the outcomes of sends:
 * each event in a request context of its own (or the HTTP request's, when it runs on that thread),
 * with its origin and answer window set from its {@link EventContext}, admitted by every {@link
 * EventGate}, raised to the rules, and followed by every {@link AfterEvent}. The caller reads what
 * the rules did (directives, sends) in {@code answer}, while that request context is still active.
 */
@ApplicationScoped
public class RuleEntry {

  @Inject RuleEngine engine;
  @Inject RequestOrigin origin;
  @Inject AnswerWindow window;
  @Inject @Any Instance<EventGate> gateBeans;
  @Inject @Any Instance<AfterEvent> afterBeans;

  // resolved once: the hooks are application-scoped, and this runs on every webhook
  private List<EventGate> gates;
  private List<AfterEvent> afters;

  @PostConstruct
  void resolve() {
    gates = gateBeans.stream().toList();
    afters = afterBeans.stream().toList();
  }

  /** Raises {@code context}'s event and returns {@code answer} of what its rules did. */
  @ActivateRequestContext
  public <T> T raise(EventContext context, Function<RuleEngine.Outcome, T> answer) {
    window.use(context.gate());
    origin.set(context.origin());
    RuleEngine.Outcome outcome =
        admit(context.event()).map(engine::raise).orElse(RuleEngine.Outcome.NONE);
    for (AfterEvent after : afters) {
      after.after(context.event());
    }
    return answer.apply(outcome);
  }

  private Optional<RuleEvent> admit(RuleEvent event) {
    Optional<RuleEvent> admitted = Optional.of(event);
    for (EventGate gate : gates) {
      admitted = admitted.flatMap(gate::admit);
    }
    return admitted;
  }
}
