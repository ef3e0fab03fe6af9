package io.picolabs.twilio.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person's phone: calls and texts the Twilio number, and receives what the server sends. */
public final class Caller {
  private final TwilioPhone phone;
  private final String from;

  Caller(TwilioPhone phone, String from) {
    this.phone = phone;
    this.from = from;
  }

  /** Calls the Twilio number whose voice webhook is {@code path} (POST). */
  public PhoneCall call(String path) {
    return call(path, "POST");
  }

  /** Calls the Twilio number whose voice webhook is {@code path}, requested with {@code method}. */
  public PhoneCall call(String path, String method) {
    CallSimulator call =
        new CallSimulator(
            phone.webhooks(),
            voiceParameters("inbound", from, phone.number()),
            phone.statusCallbackUrl(),
            phone.stepLimit());
    return new PhoneCall(call.start(phone.resolve(path), method));
  }

  /**
   * Waits up to {@code timeout} for the server to call this phone through the fake REST API (see
   * {@link TwilioPhone#api}), and answers.
   */
  public PhoneCall answersCall(Duration timeout) {
    return answer(phone.api().awaitCall(from, timeout));
  }

  /**
   * Answers {@code ringing}, a call the server placed to this phone through the fake REST API:
   * Twilio requests the call's {@code Url} ({@code Direction=outbound-api}, its {@code CallSid})
   * and posts the call's end to its {@code StatusCallback}, where the server's outbox follows it.
   */
  public PhoneCall answer(RingingCall ringing) {
    if (ringing.url() == null) {
      throw new IllegalStateException(
          "the call " + ringing.sid() + " carries inline Twiml: the simulator follows a Url only");
    }
    Map<String, String> params = voiceParameters("outbound-api", ringing.from(), ringing.to());
    params.put("CallSid", ringing.sid());
    params.put("AccountSid", ringing.accountSid());
    CallSimulator call =
        new CallSimulator(
            phone.webhooks(),
            params,
            ringing.statusCallback() == null ? null : URI.create(ringing.statusCallback()),
            phone.stepLimit());
    return new PhoneCall(call.start(URI.create(ringing.url()), ringing.method()));
  }

  /**
   * Texts {@code body} (with pictures at {@code mediaUrls}) to the Twilio number whose messaging
   * webhook is {@code path}.
   */
  public TextReply text(String path, String body, String... mediaUrls) {
    String sid = Sids.next(mediaUrls.length > 0 ? "MM" : "SM");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("ToCountry", "US");
    params.put("SmsMessageSid", sid);
    params.put("NumMedia", String.valueOf(mediaUrls.length));
    params.put("SmsSid", sid);
    params.put("SmsStatus", "received");
    params.put("Body", body);
    params.put("To", phone.number());
    params.put("NumSegments", String.valueOf(Math.max(1, (body.length() + 159) / 160)));
    params.put("MessageSid", sid);
    params.put("AccountSid", phone.accountSid());
    params.put("From", from);
    params.put("ApiVersion", "2010-04-01");
    for (int i = 0; i < mediaUrls.length; i++) {
      params.put("MediaUrl" + i, mediaUrls[i]);
      params.put("MediaContentType" + i, "image/jpeg");
    }
    return new TextReply(
        from,
        MessageSimulator.send(
            phone.webhooks(), phone.resolve(path), "POST", params, phone.stepLimit()));
  }

  /**
   * Waits up to {@code timeout} for the next text the server sends this number through the fake
   * REST API (see {@link TwilioPhone#api}), and checks its body.
   */
  public Caller receives(String body, Duration timeout) {
    SentText text = phone.api().awaitText(from, timeout);
    if (!body.equals(text.body())) {
      throw new AssertionError(
          "expected "
              + from
              + " to receive \""
              + body
              + "\" but it received \""
              + text.body()
              + "\"");
    }
    return this;
  }

  /**
   * The parameters Twilio sends with every request of a call between {@code from} and {@code to}.
   */
  Map<String, String> voiceParameters(String direction, String caller, String called) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", phone.accountSid());
    params.put("ApiVersion", "2010-04-01");
    params.put("CallSid", Sids.next("CA"));
    params.put("Called", called);
    params.put("Caller", caller);
    params.put("Direction", direction);
    params.put("From", caller);
    params.put("To", called);
    return params;
  }

  /** This phone's number. */
  public String number() {
    return from;
  }

  /** Every text the server sent this number through the fake REST API so far. */
  public List<SentText> texts() {
    return phone.api().textsTo(from);
  }
}
