package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RuleEffects;
import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.rest.TwilioRest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outbound actions rules queued in this request, until their rule has returned: checked then,
 * and sent once it (or the outermost rule that raised its event) has committed.
 */
@RequestScoped
public class Outbox implements RuleEffects {
  private final List<Outbound> pending = new ArrayList<>();
  private TwilioRest rest;
  private ActionUrls urls;

  protected Outbox() {}

  @Inject
  public Outbox(TwilioRest rest, ActionUrls urls) {
    this.rest = rest;
    this.urls = urls;
  }

  <T extends Outbound> T queue(T action) {
    pending.add(action);
    return action;
  }

  /** How many actions are queued, to take or drop those queued after this point. */
  @Override
  public Object savepoint() {
    return pending.size();
  }

  /** Checks the actions queued since the rule began; throws what the first would fail with. */
  @Override
  public void check(Object savepoint, String rule) {
    pending.subList((Integer) savepoint, pending.size()).forEach(a -> a.check(rest, urls));
  }

  /** Drops the actions queued since the rule began: it failed. */
  @Override
  public void rollback(Object savepoint) {
    pending.subList((Integer) savepoint, pending.size()).clear();
  }

  /**
   * Sends the actions queued since the rule began, each raising its outcome through {@code raise}.
   */
  @Override
  public void publish(Object savepoint, Consumer<RuleEvent> raise) {
    int mark = (Integer) savepoint;
    if (pending.size() == mark) {
      return;
    }
    List<Outbound> due = new ArrayList<>(pending.subList(mark, pending.size()));
    rollback(savepoint); // rules reacting to the outcomes queue their own actions
    due.forEach(action -> action.send(rest, urls, raise));
  }
}
