package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.rest.TwilioRest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The outbound actions rules queued in this request, until their rule has returned. */
@RequestScoped
public class Outbox {
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
  public int mark() {
    return pending.size();
  }

  /**
   * Checks the actions queued since {@code mark}; throws what the first of them would fail with.
   */
  public void checkSince(int mark) {
    pending.subList(mark, pending.size()).forEach(action -> action.check(rest, urls));
  }

  /** Drops the actions queued since {@code mark}: their rule failed. */
  public void discardSince(int mark) {
    pending.subList(mark, pending.size()).clear();
  }

  /**
   * Sends the actions queued since {@code mark}, each raising its outcome through {@code raise}.
   */
  public void sendSince(int mark, Consumer<RuleEvent> raise) {
    if (pending.size() == mark) {
      return;
    }
    List<Outbound> due = new ArrayList<>(pending.subList(mark, pending.size()));
    discardSince(mark); // rules reacting to the outcomes queue their own actions
    due.forEach(action -> action.send(rest, urls, raise));
  }
}
