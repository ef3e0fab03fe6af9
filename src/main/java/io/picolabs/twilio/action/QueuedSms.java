package io.picolabs.twilio.action;

import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.rules.SmsSend;
import java.util.ArrayList;
import java.util.List;

/** A {@link SmsSend} queued by a rule, checked when it returns and written to the outbox. */
public final class QueuedSms implements Outbound, SmsSend {
  private final String to;
  private String from;
  private final String message;
  private String messagingServiceSid;
  private final List<String> mediaUrls = new ArrayList<>();
  private String statusCallback;
  private String account;

  QueuedSms(String to, String from, String message) {
    this.to = to;
    this.from = from;
    this.message = message;
  }

  /** Adds media URLs (up to ten in all), for an MMS. */
  public SmsSend media(String... urls) {
    mediaUrls.addAll(List.of(urls));
    return this;
  }

  /** Sends through a messaging service instead of the From number. */
  public SmsSend messagingService(String sid) {
    this.messagingServiceSid = sid;
    this.from = null;
    return this;
  }

  /**
   * Where Twilio reports delivery: an event type of this server (default {@code sms_status}) or a
   * URL elsewhere (the message log then learns nothing of its delivery).
   */
  public SmsSend statusCallback(String target) {
    this.statusCallback = target;
    return this;
  }

  /** Sends from the named account ({@code twilio.accounts.<name>.*}) instead of the default. */
  public SmsSend account(String name) {
    this.account = name;
    return this;
  }

  private OutgoingSms request(ActionUrls urls, String callback) {
    return new OutgoingSms(to, from, messagingServiceSid, message, mediaUrls, callback);
  }

  @Override
  public void check(TwilioRest rest, ActionUrls urls) {
    request(urls, Outbound.statusCallback(urls, statusCallback, "sms_status", "check"));
    rest.checkAccount(account);
  }

  @Override
  public void write(OutboxStore outbox, String id, ActionUrls urls, String origin) {
    String callback = Outbound.statusCallback(urls, statusCallback, "sms_status", id);
    outbox.addSms(id, account, request(urls, callback), origin);
  }
}
