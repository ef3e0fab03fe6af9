package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.SentMessage;
import io.picolabs.twilio.rest.TwilioRest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * KRL's {@code send_sms}, with its modifiers. Sent when the rule returns; the outcome is raised as
 * {@code twilio sms_sent} (sid, status, to, from, body, num_segments, account), {@code twilio
 * sms_failed} (error_code, error_message, more_info, http_status, to, from, account) or, when
 * Twilio's answer was lost after the request went out, {@code twilio sms_unknown} (reason, to,
 * from, account).
 */
public final class SmsSend implements Outbound {
  private final String to;
  private String from;
  private final String message;
  private String messagingServiceSid;
  private final List<String> mediaUrls = new ArrayList<>();
  private String statusCallback;
  private String account;

  SmsSend(String to, String from, String message) {
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

  /** Where Twilio reports delivery: an event type of this server or a URL. */
  public SmsSend statusCallback(String target) {
    this.statusCallback = target;
    return this;
  }

  /** Sends from the named account ({@code twilio.accounts.<name>.*}) instead of the default. */
  public SmsSend account(String name) {
    this.account = name;
    return this;
  }

  private OutgoingSms request(ActionUrls urls) {
    return new OutgoingSms(
        to, from, messagingServiceSid, message, mediaUrls, urls.absolute(statusCallback));
  }

  @Override
  public void check(TwilioRest rest, ActionUrls urls) {
    request(urls);
    rest.checkAccount(account);
  }

  @Override
  public void send(TwilioRest rest, ActionUrls urls, Consumer<RuleEvent> raise) {
    TwilioOutcomes.deliver(
        "sms",
        "sms_sent",
        to,
        from != null ? from : messagingServiceSid,
        () -> {
          SentMessage sent = rest.sendSms(account, request(urls));
          Map<String, String> attrs = new LinkedHashMap<>();
          TwilioOutcomes.put(attrs, "sid", sent.sid());
          TwilioOutcomes.put(attrs, "status", sent.status());
          TwilioOutcomes.put(attrs, "body", sent.body());
          TwilioOutcomes.put(attrs, "num_segments", sent.numSegments());
          return attrs;
        },
        account,
        raise);
  }
}
