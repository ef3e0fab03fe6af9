package io.picolabs.twilio.event;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The rules of {@link DispatchBenchmark}, written as an application writes rules: observer methods
 * of application-scoped beans, selected with {@link Select}, each taking its {@link RuleEvent} and
 * {@link Twilio}. Event type {@code sayN} is selected by N rules that each say one thing, {@code
 * emptyN} by N rules that do nothing with what they are given (N = 1, 10, 100): 222 rules in 24
 * beans, so that every event is selected from among rules it does not select, as in an application
 * with many rules; at most ten rules to a bean.
 *
 * <p>Written out rather than generated at run time: the container must discover them as it
 * discovers an application's rules.
 */
final class DispatchRules {
  private DispatchRules() {}

  /** Every bean class that holds rules. */
  static final List<Class<?>> BEANS =
      List.of(
          Say1.class,
          Say10.class,
          Say100a.class,
          Say100b.class,
          Say100c.class,
          Say100d.class,
          Say100e.class,
          Say100f.class,
          Say100g.class,
          Say100h.class,
          Say100i.class,
          Say100j.class,
          Empty1.class,
          Empty10.class,
          Empty100a.class,
          Empty100b.class,
          Empty100c.class,
          Empty100d.class,
          Empty100e.class,
          Empty100f.class,
          Empty100g.class,
          Empty100h.class,
          Empty100i.class,
          Empty100j.class);

  @ApplicationScoped
  static class Say1 {
    void r0(@Observes @Select(domain = "twilio", type = "say1") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say10 {
    void r0(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say10") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100a {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100b {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100c {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100d {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100e {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100f {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100g {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100h {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100i {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Say100j {
    void r0(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r1(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r2(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r3(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r4(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r5(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r6(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r7(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r8(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }

    void r9(@Observes @Select(domain = "twilio", type = "say100") RuleEvent event, Twilio twilio) {
      twilio.say("Hello");
    }
  }

  @ApplicationScoped
  static class Empty1 {
    void r0(@Observes @Select(domain = "twilio", type = "empty1") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty10 {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty10") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100a {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100b {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100c {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100d {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100e {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100f {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100g {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100h {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100i {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }

  @ApplicationScoped
  static class Empty100j {
    void r0(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r1(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r2(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r3(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r4(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r5(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r6(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r7(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r8(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}

    void r9(
        @Observes @Select(domain = "twilio", type = "empty100") RuleEvent event, Twilio twilio) {}
  }
}
