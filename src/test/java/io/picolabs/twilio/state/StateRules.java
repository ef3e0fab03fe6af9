package io.picolabs.twilio.state;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.AppVars;
import io.picolabs.twilio.rules.CallVars;
import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Test-only rules that use variables, deployed with the library JAR (StateContract). */
@ApplicationScoped
public class StateRules {

  @Inject RuleEngine engine;

  /** Read, add one, write: what concurrent events of one entity must not lose. */
  void count(
      @Observes @Select(domain = "state", type = "count") RuleEvent e,
      Twilio twilio,
      EntityVars ent) {
    int count = ent.getOr("count", 0) + 1;
    ent.set("count", count);
    twilio.say("count " + count);
  }

  void appCount(
      @Observes @Select(domain = "state", type = "app_count") RuleEvent e,
      Twilio twilio,
      AppVars app) {
    String name = e.attr("name");
    int count = app.getOr(name, 0) + 1;
    app.set(name, count);
    twilio.say(name + " " + count);
  }

  void good(
      @Observes @Priority(100) @Select(domain = "state", type = "mixed") RuleEvent e,
      EntityVars ent) {
    ent.set("good", true);
  }

  void bad(
      @Observes @Priority(200) @Select(domain = "state", type = "mixed") RuleEvent e,
      EntityVars ent) {
    ent.set("bad", true);
    ent.set("good", false);
    throw new IllegalStateException("bad rule broke on purpose");
  }

  /** Reads back what an earlier rule of the same event committed. */
  void after(
      @Observes @Priority(300) @Select(domain = "state", type = "mixed") RuleEvent e,
      Twilio twilio,
      EntityVars ent) {
    twilio.say("good is " + ent.get("good", Boolean.class) + ", bad is " + ent.has("bad"));
  }

  /** Writes, raises an event whose rule writes too, then fails: neither write may land. */
  void outer(@Observes @Select(domain = "state", type = "outer") RuleEvent e, EntityVars ent) {
    ent.set("outer", 1);
    engine.raise("state", "inner", Map.of("entity", ent.entity()));
    if ("yes".equals(e.attr("fail"))) {
      throw new IllegalStateException("outer rule broke after its inner event");
    }
  }

  void inner(@Observes @Select(domain = "state", type = "inner") RuleEvent e, EntityVars ent) {
    ent.set("inner", 1);
  }

  void typed(
      @Observes @Select(domain = "state", type = "typed") RuleEvent e,
      Twilio twilio,
      EntityVars ent) {
    ent.set("text", "a \"quoted\" <text> & ünïcödé");
    ent.set("number", 42);
    ent.set("decimal", 2.5);
    ent.set("flag", true);
    ent.set("list", List.of("a", "b"));
    ent.set("map", Map.of("k", 1));
    ent.set("gone", "soon");
    ent.remove("gone");
    twilio.say(
        ent.get("text", String.class)
            + "|"
            + (ent.get("number", Integer.class) + 1)
            + "|"
            + ent.get("decimal", Double.class)
            + "|"
            + ent.getOr("flag", false)
            + "|"
            + ent.get("list", List.class)
            + "|"
            + ent.get("map", Map.class)
            + "|"
            + ent.has("gone")
            + "|"
            + ent.names());
  }

  void other(
      @Observes @Select(domain = "state", type = "other") RuleEvent e,
      Twilio twilio,
      EntityVars ent) {
    ent.of(e.attr("other")).set("told", e.attr("entity"));
    twilio.say("told " + e.attr("other"));
  }

  void badName(@Observes @Select(domain = "state", type = "bad_name") RuleEvent e, EntityVars ent) {
    ent.set("", 1);
  }

  void longName(
      @Observes @Select(domain = "state", type = "long_name") RuleEvent e, EntityVars ent) {
    ent.set("n".repeat(201), 1);
  }

  void tooBig(@Observes @Select(domain = "state", type = "too_big") RuleEvent e, EntityVars ent) {
    ent.set("big", "x".repeat(64 * 1024));
  }

  void wrongType(
      @Observes @Select(domain = "state", type = "wrong_type") RuleEvent e, EntityVars ent) {
    ent.set("word", "seven");
    ent.get("word", Integer.class);
  }

  /** A call variable set when the call comes in ... */
  void greet(
      @Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent e,
      Twilio twilio,
      CallVars call) {
    call.set("caller", e.attr("From"));
    twilio.say("noted");
  }

  /** ... is read by a later webhook of the same call. */
  void gathered(
      @Observes @Select(domain = "twilio", type = "monkey_handle") RuleEvent e,
      Twilio twilio,
      CallVars call) {
    twilio.say("caller was " + call.getOr("caller", "unknown"));
  }
}
