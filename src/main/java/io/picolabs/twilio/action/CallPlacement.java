package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.rest.OutgoingCall;
import io.picolabs.twilio.rest.PlacedCall;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.twiml.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * KRL's {@code place_call}, with its modifiers. Placed when the rule returns; the outcome is raised
 * as {@code twilio call_placed} (sid, status, to, from, account), {@code twilio call_failed} or
 * {@code twilio call_unknown}, with the same attributes as for messages.
 */
public final class CallPlacement implements Outbound {
  private final String to;
  private final String from;
  private final String target;
  private String statusCallback;
  private final List<String> statusCallbackEvents = new ArrayList<>();
  private String statusCallbackMethod;
  private Integer timeout;
  private String account;

  CallPlacement(String to, String from, String target) {
    this.to = to;
    this.from = from;
    this.target = target;
  }

  /** Where Twilio reports the call's progress: an event type of this server or a URL. */
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

  private OutgoingCall request(ActionUrls urls) {
    return new OutgoingCall(
        to,
        from,
        urls.absolute(target),
        urls.absolute(statusCallback),
        statusCallbackEvents,
        statusCallbackMethod,
        timeout);
  }

  @Override
  public void check(TwilioRest rest, ActionUrls urls) {
    request(urls);
    rest.checkAccount(account);
  }

  @Override
  public void send(TwilioRest rest, ActionUrls urls, Consumer<RuleEvent> raise) {
    TwilioOutcomes.deliver(
        "call",
        "call_placed",
        to,
        from,
        () -> {
          PlacedCall placed = rest.placeCall(account, request(urls));
          Map<String, String> attrs = new LinkedHashMap<>();
          TwilioOutcomes.put(attrs, "sid", placed.sid());
          TwilioOutcomes.put(attrs, "status", placed.status());
          return attrs;
        },
        account,
        raise);
  }
}
