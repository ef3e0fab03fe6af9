package io.picolabs.twilio.action;

import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.rest.OutgoingCall;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.rules.CallPlacement;
import io.picolabs.twilio.twiml.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/** A {@link CallPlacement} queued by a rule, checked when it returns and written to the outbox. */
public final class QueuedCall implements Outbound, CallPlacement {
  private final String to;
  private final String from;
  private final String target;
  private String statusCallback;
  private final List<String> statusCallbackEvents = new ArrayList<>();
  private String statusCallbackMethod;
  private Integer timeout;
  private String account;

  QueuedCall(String to, String from, String target) {
    this.to = to;
    this.from = from;
    this.target = target;
  }

  /**
   * Where Twilio reports the call's progress: an event type of this server (default {@code
   * call_status}) or a URL elsewhere (the call log then learns nothing of its progress).
   */
  public CallPlacement statusCallback(String target) {
    this.statusCallback = target;
    return this;
  }

  /**
   * Which progress to report: {@code initiated}, {@code ringing}, {@code answered}, {@code
   * completed}.
   */
  public CallPlacement statusCallbackEvent(String... events) {
    statusCallbackEvents.addAll(List.of(events));
    return this;
  }

  public CallPlacement statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method).name();
    return this;
  }

  /** Seconds to let the number ring. */
  public CallPlacement timeout(int seconds) {
    this.timeout = seconds;
    return this;
  }

  /** Places the call from the named account ({@code twilio.accounts.<name>.*}). */
  public CallPlacement account(String name) {
    this.account = name;
    return this;
  }

  private OutgoingCall request(ActionUrls urls, String callback) {
    return new OutgoingCall(
        to,
        from,
        urls.absolute(target),
        callback,
        statusCallbackEvents,
        statusCallbackMethod,
        timeout);
  }

  @Override
  public void check(TwilioRest rest, ActionUrls urls) {
    request(urls, Outbound.statusCallback(urls, statusCallback, "call_status", "check"));
    rest.checkAccount(account);
  }

  @Override
  public void write(OutboxStore outbox, String id, ActionUrls urls, String origin) {
    String callback = Outbound.statusCallback(urls, statusCallback, "call_status", id);
    outbox.addCall(id, account, request(urls, callback), origin);
  }
}
