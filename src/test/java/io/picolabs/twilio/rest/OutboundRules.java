package io.picolabs.twilio.rest;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.AppVars;
import io.picolabs.twilio.rules.CallPlacement;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.SmsSend;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Test-only rules: send with every modifier, and keep each outcome so the test can read it. */
@ApplicationScoped
public class OutboundRules {

  @Inject RuleEngine engine;

  /** Raises {@code test send}, whose rule queues a message, then fails if asked to. */
  void nestedSend(@Observes @Select(domain = "test", type = "nested_send") RuleEvent e) {
    engine.raise(
        "test",
        "send",
        Map.of("to", e.attr("to"), "from", e.attr("from"), "message", e.attr("message")));
    if ("yes".equals(e.attr("fail"))) {
      throw new IllegalStateException("outer rule broke after its nested send");
    }
  }

  void send(@Observes @Select(domain = "test", type = "send") RuleEvent e, Twilio twilio) {
    SmsSend sms = twilio.sendSms(e.attr("to"), e.attr("from"), e.attr("message"));
    e.attrValues("media").forEach(sms::media);
    if (e.attr("account") != null) {
      sms.account(e.attr("account"));
    }
    if (e.attr("service") != null) {
      sms.messagingService(e.attr("service"));
    }
    if (e.attr("callback") != null) {
      sms.statusCallback(e.attr("callback"));
    }
  }

  /** {@code test send_twice}: the same text to the same number twice, in one commit. */
  void sendTwice(
      @Observes @Select(domain = "test", type = "send_twice") RuleEvent e, Twilio twilio) {
    twilio.sendSms(e.attr("to"), e.attr("from"), e.attr("message"));
    twilio.sendSms(e.attr("to"), e.attr("from"), e.attr("message"));
  }

  void call(@Observes @Select(domain = "test", type = "call") RuleEvent e, Twilio twilio) {
    CallPlacement call = twilio.placeCall(e.attr("to"), e.attr("from"), e.attr("target"));
    call.statusCallback("call_status").statusCallbackEvent("initiated", "completed").timeout(20);
  }

  // Outcomes are raised by the sender, answering nobody: what a rule says of them is kept in an
  // application variable named after the outbox entry, for the test to read.

  private static final Logger LOG = Logger.getLogger(OutboundRules.class.getName());
  private static volatile CountDownLatch held = new CountDownLatch(1);

  /** A slow outcome rule: the outcome of a message whose body starts "hold" waits for a release. */
  void hold(@Observes @Select(domain = "twilio", type = "sms_sent") RuleEvent e)
      throws InterruptedException {
    if (e.attr("body", "").startsWith("hold")) {
      CountDownLatch latch = held;
      LOG.info("OutboundRules: holding the outcome of " + e.attr("outbox"));
      latch.await(60, TimeUnit.SECONDS);
    }
  }

  /** {@code test release}: lets every held outcome rule go on. */
  void release(@Observes @Select(domain = "test", type = "release") RuleEvent e) {
    CountDownLatch latch = held;
    held = new CountDownLatch(1);
    latch.countDown();
  }

  void sent(@Observes @Select(domain = "twilio", type = "sms_sent") RuleEvent e, AppVars app) {
    app.set(
        "outcome-" + e.attr("outbox"),
        "sms_sent "
            + e.attr("sid")
            + " "
            + e.attr("status")
            + " segments="
            + e.attr("num_segments")
            + " to="
            + e.attr("to")
            + " body="
            + e.attr("body")
            + " account="
            + e.attr("account")
            + (e.attr("reconciled") == null ? "" : " reconciled"));
  }

  void failed(@Observes @Select(domain = "twilio", type = "sms_failed") RuleEvent e, AppVars app) {
    app.set(
        "outcome-" + e.attr("outbox"),
        "sms_failed "
            + e.attr("error_code")
            + " "
            + e.attr("error_message")
            + " http="
            + e.attr("http_status")
            + " to="
            + e.attr("to"));
  }

  void unknown(
      @Observes @Select(domain = "twilio", type = "sms_unknown") RuleEvent e, AppVars app) {
    app.set(
        "outcome-" + e.attr("outbox"), "sms_unknown " + e.attr("reason") + " to=" + e.attr("to"));
  }

  void placed(@Observes @Select(domain = "twilio", type = "call_placed") RuleEvent e, AppVars app) {
    app.set(
        "outcome-" + e.attr("outbox"),
        "call_placed " + e.attr("sid") + " " + e.attr("status") + " url=" + e.attr("url"));
  }

  /** A number Twilio refuses: the rule reacting to the failure texts another one instead. */
  static final String REFUSED = "+15005550001";

  void fallback(
      @Observes @Select(domain = "twilio", type = "sms_failed") RuleEvent e, Twilio twilio) {
    if (REFUSED.equals(e.attr("to"))) {
      twilio.sendSms("+18015559999", e.attr("from"), "fallback for " + e.attr("outbox"));
    }
  }

  void callStatus(
      @Observes @Select(domain = "twilio", type = "call_status") RuleEvent e, AppVars app) {
    appendStatus(app, e, "CallStatus");
  }

  /** Each status callback that reaches the rules, appended to the entry's list. */
  void status(@Observes @Select(domain = "twilio", type = "sms_status") RuleEvent e, AppVars app) {
    appendStatus(app, e, "MessageStatus");
  }

  /** Appends the status in attribute {@code status} to the list of the event's outbox entry. */
  private static void appendStatus(AppVars app, RuleEvent e, String status) {
    String name = "statuses-" + e.attr("outbox");
    String seen = app.getOr(name, "");
    app.set(name, (seen.isEmpty() ? "" : seen + " ") + e.attr(status));
  }
}
