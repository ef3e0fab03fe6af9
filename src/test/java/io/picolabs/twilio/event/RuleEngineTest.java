package io.picolabs.twilio.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.spi.RuleEffects;
import io.picolabs.twilio.twiml.Say;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine in the CDI container of the tests (Weld SE, the CDI implementation Liberty runs),
 * where it runs each event's rules over the request's own effects rather than their client proxies:
 * the effects of two requests never mix, even on two threads at once, and an event raised by a rule
 * adds to its request's response and commits with its outermost rule.
 */
class RuleEngineTest {

  /** An effect that counts what the engine asks of it, per request. */
  @RequestScoped
  public static class Ledger implements RuleEffects {
    private final List<String> notes = new ArrayList<>();
    private int commits;
    private int publishes;

    public void note(String note) {
      notes.add(note);
    }

    public List<String> notes() {
      return List.copyOf(notes);
    }

    public int commits() {
      return commits;
    }

    public int publishes() {
      return publishes;
    }

    @Override
    public Object savepoint() {
      return notes.size();
    }

    @Override
    public void rollback(Object savepoint) {
      notes.subList((Integer) savepoint, notes.size()).clear();
    }

    @Override
    public boolean needsCommit(Object savepoint) {
      return notes.size() > (Integer) savepoint;
    }

    @Override
    public void commit(Object savepoint) {
      commits++;
    }

    @Override
    public void publish(Object savepoint, Consumer<RuleEvent> raise) {
      publishes++;
    }
  }

  @ApplicationScoped
  public static class Rules {
    // set by the test that runs rules on two threads at once
    static volatile CyclicBarrier together;

    @Inject RuleEngine engine;

    void say(
        @Observes @Select(domain = "test", type = "say") RuleEvent e,
        Directives directives,
        Ledger ledger)
        throws Exception {
      directives.add(new Say(e.attr("text")));
      ledger.note(e.attr("text"));
      if (together != null) {
        together.await(10, TimeUnit.SECONDS); // both requests' rules are running now
        together.await(10, TimeUnit.SECONDS); // and have been looked at
      }
    }

    void outer(
        @Observes @Select(domain = "test", type = "outer") RuleEvent e,
        Directives directives,
        Ledger ledger) {
      directives.add(new Say("outer"));
      ledger.note("outer");
      engine.raise("test", "inner", Map.of());
      if (e.attr("fail") != null) {
        throw new IllegalStateException("failing after its inner event");
      }
    }

    void after(
        @Observes @Priority(3000) @Select(domain = "test", type = "outer") RuleEvent e,
        Directives directives) {
      directives.add(new Say("after"));
    }

    void inner(
        @Observes @Select(domain = "test", type = "inner") RuleEvent e,
        Directives directives,
        Ledger ledger) {
      directives.add(new Say("inner"));
      ledger.note("inner while " + engine.ruleRunningOn(Thread.currentThread()).orElse("none"));
    }
  }

  private static WeldContainer container;
  private static RuleEngine engine;

  @BeforeAll
  static void start() {
    container =
        new Weld()
            .disableDiscovery()
            .addExtension(new RuleTable())
            .addBeanClasses(
                RuleEngine.class,
                CurrentEvent.class,
                AnswerWindow.class,
                RuleCommit.class,
                Directives.class,
                Ledger.class,
                Rules.class)
            .initialize();
    engine = container.select(RuleEngine.class).get();
  }

  @AfterAll
  static void stop() {
    container.close();
  }

  /** What one request answers and counts, after {@code events} ran in it. */
  private record Answer(
      List<RuleEngine.Outcome> outcomes,
      String twiml,
      List<String> notes,
      int commits,
      int publishes) {}

  private static Answer inRequest(Supplier<List<RuleEngine.Outcome>> events) {
    RequestContextController request = container.select(RequestContextController.class).get();
    request.activate();
    try {
      List<RuleEngine.Outcome> outcomes = events.get();
      Ledger ledger = container.select(Ledger.class).get();
      return new Answer(
          outcomes,
          TwimlWriter.write(container.select(Directives.class).get().response()),
          ledger.notes(),
          ledger.commits(),
          ledger.publishes());
    } finally {
      request.deactivate();
    }
  }

  private static RuleEngine.Outcome raise(String type, Map<String, String> attrs) {
    return engine.raise("test", type, attrs);
  }

  @Test
  void anEventRaisedByARuleAddsToTheSameResponseAndCommitsWithItsOutermostRule() {
    Answer answer = inRequest(() -> List.of(raise("outer", Map.of())));
    assertEquals(
        List.of(new RuleEngine.Outcome(List.of("Rules.outer", "Rules.after"), List.of())),
        answer.outcomes());
    assertEquals(
        "<Response><Say>outer</Say><Say>inner</Say><Say>after</Say></Response>",
        body(answer.twiml()));
    assertEquals(List.of("outer", "inner while Rules.inner"), answer.notes());
    assertEquals(1, answer.commits(), "one commit, the outermost rule's");
    assertEquals(2, answer.publishes(), "once for each outermost rule, outer and after");
    assertEquals(Optional.empty(), engine.ruleRunningOn(Thread.currentThread()));
  }

  @Test
  void aFailingRuleTakesBackWhatTheRulesOfTheEventsItRaisedDid() {
    Answer answer = inRequest(() -> List.of(raise("outer", Map.of("fail", "yes"))));
    assertEquals(
        List.of(
            new RuleEngine.Outcome(List.of("Rules.outer", "Rules.after"), List.of("Rules.outer"))),
        answer.outcomes());
    assertEquals("<Response><Say>after</Say></Response>", body(answer.twiml()));
    assertEquals(List.of(), answer.notes());
    assertEquals(0, answer.commits());
  }

  @Test
  void eventsOneAfterTheOtherInOneRequestAddToItsResponse() {
    Answer answer =
        inRequest(
            () -> List.of(raise("say", Map.of("text", "a")), raise("say", Map.of("text", "b"))));
    assertEquals("<Response><Say>a</Say><Say>b</Say></Response>", body(answer.twiml()));
    assertEquals(2, answer.commits());
  }

  @Test
  void twoRequestsOnTwoThreadsAtOnceNeverShareEffects() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Rules.together = new CyclicBarrier(3);
    try {
      List<Thread> running = new ArrayList<>();
      Future<Answer> a = threads.submit(() -> say(running, "a"));
      Future<Answer> b = threads.submit(() -> say(running, "b"));
      Rules.together.await(10, TimeUnit.SECONDS); // both rules are running
      synchronized (running) {
        for (Thread thread : running) {
          assertEquals(Optional.of("Rules.say"), engine.ruleRunningOn(thread));
        }
      }
      Rules.together.await(10, TimeUnit.SECONDS);
      for (var answered : List.of(a, b)) {
        String text = answered == a ? "a" : "b";
        Answer answer = answered.get(10, TimeUnit.SECONDS);
        assertEquals("<Response><Say>" + text + "</Say></Response>", body(answer.twiml()));
        assertEquals(List.of(text), answer.notes());
        assertEquals(1, answer.commits());
      }
      assertEquals(2, running.size());
    } finally {
      Rules.together = null;
      threads.shutdownNow();
    }
  }

  private static Answer say(List<Thread> running, String text) {
    synchronized (running) {
      running.add(Thread.currentThread());
    }
    return inRequest(() -> List.of(raise("say", Map.of("text", text))));
  }

  private static String body(String twiml) {
    return twiml.substring(twiml.indexOf("<Response"));
  }
}
