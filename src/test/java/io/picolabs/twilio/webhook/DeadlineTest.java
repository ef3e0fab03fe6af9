package io.picolabs.twilio.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.config.MapConfig;
import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.event.AnswerGate;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline with the rules on the caller's thread: in time, their answer; late, the fallback
 * goes to the early sink from the watching thread while the rules still run, and the same answer
 * comes back, marked sent, once they return.
 */
class DeadlineTest {
  private static final String FALLBACK =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Sorry, we could not answer in"
          + " time. Please call again later.</Say><Hangup/></Response>";
  private static final RuleEvent EVENT = new RuleEvent("twilio", "slow", Map.of());

  private final AtomicReference<String> running = new AtomicReference<>();
  private final DeadlineWatch watch = new DeadlineWatch();
  private final Deadline deadline = new Deadline();

  DeadlineTest() {
    watch.threadFactory = new Threads();
    watch.start(null);
    deadline.watch = watch;
    deadline.engine =
        new RuleEngine() {
          @Override
          public Optional<String> ruleRunningOn(Thread thread) {
            return Optional.ofNullable(running.get());
          }
        };
    WebhookSettings settings = new WebhookSettings();
    MapConfig config = new MapConfig(Map.of());
    settings.config = WebhookConfig.of(config);
    settings.accounts = new TwilioAccounts(key -> config.getOptionalValue(key, String.class));
    settings.read();
    deadline.settings = settings;
  }

  @AfterEach
  void stop() {
    watch.stop();
  }

  @Test
  void rulesInTimeAreTheAnswerAndNothingIsSentEarly() {
    List<Deadline.Answer> early = new ArrayList<>();
    Deadline.Answer answer =
        deadline.answer(EVENT, Duration.ofSeconds(5), gate -> "<Response/>", a -> early.add(a));
    assertEquals(new Deadline.Answer("<Response/>", false, false, false), answer);
    assertEquals(List.of(), early);
  }

  @Test
  void aLateRuleGetsTheFallbackSentFromAnotherThreadWhileItStillRuns() throws Exception {
    running.set("Slow.rule");
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Deadline.Answer> early = new CompletableFuture<>();
    AtomicReference<Thread> sender = new AtomicReference<>();
    AtomicReference<AnswerGate> gateSeen = new AtomicReference<>();
    Function<AnswerGate, String> rules =
        gate -> {
          gateSeen.set(gate);
          await(release);
          return "<Response><Say>too late</Say></Response>";
        };
    CompletableFuture<Deadline.Answer> returned =
        inBackground(
            rules,
            answer -> {
              sender.set(Thread.currentThread());
              return early.complete(answer);
            });
    Deadline.Answer sent = early.get(5, TimeUnit.SECONDS);
    assertEquals(new Deadline.Answer(FALLBACK, true, false, true), sent);
    assertFalse(returned.isDone(), "the rules still run");
    assertTrue(gateSeen.get().closed(), "nothing they do now commits");
    release.countDown();
    assertEquals(sent, returned.get(5, TimeUnit.SECONDS));
    assertEquals("twilio-webhook-deadlines", sender.get().getName());
  }

  @Test
  void aFallbackThatCannotBeSentEarlyIsAnsweredWhenTheRulesReturn() {
    running.set("Slow.rule");
    Deadline.Answer answer =
        deadline.answer(
            EVENT,
            Duration.ofMillis(50),
            gate -> {
              sleep(300);
              return "<Response/>";
            },
            a -> false); // no response to write to
    assertEquals(new Deadline.Answer(FALLBACK, true, false, false), answer);
  }

  @Test
  void heldUpOutsideAnyRuleTheCallerIsToldToRetry() throws Exception {
    running.set(null); // e.g. the database, recording a status before the rules
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Deadline.Answer> early = new CompletableFuture<>();
    CompletableFuture<Deadline.Answer> returned =
        inBackground(
            gate -> {
              await(release);
              return "<Response/>";
            },
            early::complete);
    assertEquals(new Deadline.Answer(null, false, true, true), early.get(5, TimeUnit.SECONDS));
    release.countDown();
    assertEquals(new Deadline.Answer(null, false, true, true), returned.get(5, TimeUnit.SECONDS));
  }

  @Test
  void rulesThatFailInTimeAreATemporaryFailureNotSentEarly() {
    List<Deadline.Answer> early = new ArrayList<>();
    Deadline.Answer answer =
        deadline.answer(
            EVENT,
            Duration.ofSeconds(5),
            gate -> {
              throw new IllegalStateException("the engine failed");
            },
            a -> early.add(a));
    assertEquals(new Deadline.Answer(null, false, true, false), answer);
    assertEquals(List.of(), early);
  }

  @Test
  void rulesEndingInAnErrorEndTheirWatchBeforeTheErrorLeaves() {
    List<Deadline.Answer> early = new ArrayList<>();
    assertThrows(
        StackOverflowError.class,
        () ->
            deadline.answer(
                EVENT,
                Duration.ofMillis(50),
                gate -> {
                  throw new StackOverflowError();
                },
                a -> early.add(a)));
    sleep(300); // past the deadline: the response went back to the container, nothing may touch it
    assertEquals(List.of(), early);
  }

  @Test
  void withoutADeadlineTheRulesRunOnTheCallersThreadUnwatched() {
    Thread caller = Thread.currentThread();
    AtomicReference<Thread> ran = new AtomicReference<>();
    Deadline.Answer answer =
        deadline.answer(
            EVENT,
            Duration.ZERO,
            gate -> {
              ran.set(Thread.currentThread());
              return "<Response/>";
            },
            a -> {
              throw new AssertionError("nothing is sent early without a deadline");
            });
    assertEquals(new Deadline.Answer("<Response/>", false, false, false), answer);
    assertEquals(caller, ran.get());
  }

  /** {@code rules} answered on another thread, with a deadline of 100 ms. */
  private CompletableFuture<Deadline.Answer> inBackground(
      Function<AnswerGate, String> rules, Deadline.Early early) {
    return CompletableFuture.supplyAsync(
        () -> deadline.answer(EVENT, Duration.ofMillis(100), rules, early));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The container's thread factory, as the test has it: plain threads. */
  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      return new Thread(task);
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
