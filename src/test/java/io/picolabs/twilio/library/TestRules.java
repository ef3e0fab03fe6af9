package io.picolabs.twilio.library;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/** Test-only rules, deployed with the library JAR and nothing else. */
@ApplicationScoped
public class TestRules {

  @Inject RuleEngine engine;

  void second(
      @Observes @Priority(200) @Select(domain = "test", type = "ordered") RuleEvent e,
      Twilio twilio) {
    twilio.say("second");
  }

  void first(
      @Observes @Priority(100) @Select(domain = "test", type = "ordered") RuleEvent e,
      Twilio twilio) {
    twilio.say("first");
  }

  void third(
      @Observes @Priority(300) @Select(domain = "test", type = "ordered") RuleEvent e,
      Twilio twilio) {
    twilio.say("third");
  }

  void before(
      @Observes @Priority(100) @Select(domain = "twilio", type = "mixed") RuleEvent e,
      Twilio twilio) {
    twilio.say("before");
  }

  void breaks(
      @Observes @Priority(200) @Select(domain = "twilio", type = "mixed") RuleEvent e,
      Twilio twilio) {
    twilio.gatherStart("never");
    twilio.say("half done");
    throw new IllegalStateException("rule broke on purpose");
  }

  void badRaw(
      @Observes @Priority(250) @Select(domain = "twilio", type = "mixed") RuleEvent e,
      Twilio twilio) {
    twilio.raw("<Say>unclosed");
  }

  /** Not an exception but an Error: a runaway recursion in a rule must not stop the others. */
  void overflows(
      @Observes @Priority(260) @Select(domain = "twilio", type = "mixed") RuleEvent e,
      Twilio twilio) {
    twilio.say("deep");
    recurse(0);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  void after(
      @Observes @Priority(300) @Select(domain = "twilio", type = "mixed") RuleEvent e,
      Twilio twilio) {
    twilio.say("after");
  }

  void chain(@Observes @Select(domain = "twilio", type = "chain") RuleEvent e, Twilio twilio) {
    twilio.say("one");
    engine.raise("test", "chained", Map.of("n", "2"));
    twilio.say("three");
  }

  void chained(@Observes @Select(domain = "test", type = "chained") RuleEvent e, Twilio twilio) {
    twilio.say("two " + e.attr("N"));
  }

  void loop(@Observes @Select(domain = "twilio", type = "loop") RuleEvent e, Twilio twilio) {
    int level = Integer.parseInt(e.attr("level", "1"));
    twilio.say("level " + level);
    engine.raise("twilio", "loop", Map.of("level", String.valueOf(level + 1)));
  }

  void leavesGatherOpen(
      @Observes @Priority(100) @Select(domain = "twilio", type = "unbalanced") RuleEvent e,
      Twilio twilio) {
    twilio.gatherStart("menu").numDigits(1);
    twilio.say("Press 1");
  }

  void hangsUpAfter(
      @Observes @Priority(200) @Select(domain = "twilio", type = "unbalanced") RuleEvent e,
      Twilio twilio) {
    twilio.hangup();
  }

  /** No qualifier: sees every event; acts only when asked to, so the other tests stay exact. */
  void audit(@Observes RuleEvent e, Twilio twilio) {
    if (e.attr("audit") != null) {
      twilio.say("seen " + e);
    }
  }

  void notify(
      @Observes @Select(domain = "notification", type = "status") RuleEvent e, Twilio twilio) {
    twilio.sms(e.attr("message")).to(e.attr("phone_number")).from(e.attr("from_number"));
  }
}
