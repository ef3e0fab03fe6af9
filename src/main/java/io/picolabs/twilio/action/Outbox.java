package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.outbound.Sender;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.rules.CallPlacement;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.SmsSend;
import io.picolabs.twilio.spi.RuleEffects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outbound actions rules queued in this request, until their rule has returned: checked then,
 * written to the outbox in the rule's commit (with its variables: both or neither), and handed to
 * the {@link Sender}, which sends them after the answer, never while Twilio waits for it.
 */
@RequestScoped
public class Outbox implements RuleEffects {
  private final List<Outbound> pending = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  private TwilioRest rest;
  private ActionUrls urls;
  private OutboxStore store;
  private Sender sender;
  private RequestOrigin origin;

  protected Outbox() {}

  @Inject
  public Outbox(
      TwilioRest rest, ActionUrls urls, OutboxStore store, Sender sender, RequestOrigin origin) {
    this.rest = rest;
    this.urls = urls;
    this.store = store;
    this.sender = sender;
    this.origin = origin;
  }

  /** Queues KRL's {@code send_sms}, for {@code Twilio.sendSms}. */
  public SmsSend sendSms(String to, String from, String message) {
    return queue(new QueuedSms(to, from, message));
  }

  /** Queues KRL's {@code place_call}, for {@code Twilio.placeCall}. */
  public CallPlacement placeCall(String to, String from, String target) {
    return queue(new QueuedCall(to, from, target));
  }

  <T extends Outbound> T queue(T action) {
    pending.add(action);
    return action;
  }

  /** The outbox ids of what this request's rules sent, in the order they were queued. */
  public List<String> written() {
    return List.copyOf(written);
  }

  @Override
  public Object emptySavepoint() {
    return new int[] {0, 0};
  }

  /** How many actions are queued, to take or drop those queued after this point. */
  @Override
  public Object savepoint() {
    return new int[] {pending.size(), written.size()};
  }

  /** Checks the actions queued since the rule began; throws what the first would fail with. */
  @Override
  public void check(Object savepoint, String rule) {
    pending.subList(((int[]) savepoint)[0], pending.size()).forEach(a -> a.check(rest, urls));
  }

  /** Drops the actions queued since the rule began: it failed, or will run again. */
  @Override
  public void rollback(Object savepoint) {
    int[] point = (int[]) savepoint;
    pending.subList(point[0], pending.size()).clear();
    written.subList(point[1], written.size()).clear();
  }

  @Override
  public boolean needsCommit(Object savepoint) {
    return pending.size() > ((int[]) savepoint)[0];
  }

  /** Writes the actions queued since the rule began to the outbox, in the rule's transaction. */
  @Override
  public void commit(Object savepoint) {
    List<Outbound> due = pending.subList(((int[]) savepoint)[0], pending.size());
    for (Outbound action : due) {
      String id = OutboxStore.newId();
      action.write(store, id, urls, origin.get());
      written.add(id);
    }
    due.clear();
  }

  /** The rule committed: the sender may send what it wrote. */
  @Override
  public void publish(Object savepoint, Consumer<RuleEvent> raise) {
    if (written.size() > ((int[]) savepoint)[1]) {
      sender.wake();
    }
  }
}
