package io.picolabs.twilio.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void answersWhatTheLookFound() throws Exception {
    Probe<String> probe = new Probe<>(() -> "fine", Duration.ofSeconds(5));
    assertEquals("fine", probe.result(executor));
  }

  @Test
  void aHangingLookTimesOutAndIsNotStartedAgainWhileItHangs() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger looks = new AtomicInteger();
    Probe<String> probe =
        new Probe<>(
            () -> {
              looks.incrementAndGet();
              release.await();
              return "late";
            },
            Duration.ofMillis(100));
    assertThrows(TimeoutException.class, () -> probe.result(executor));
    assertThrows(TimeoutException.class, () -> probe.result(executor));
    assertEquals(1, looks.get(), "a second look while the first hangs");
    release.countDown();
    // the hung look, or (if it finished just before) a new one
    assertEquals("late", probe.result(executor));
    int done = looks.get();
    // the last look is done now (its result was given): the next call looks again
    assertEquals("late", probe.result(executor));
    assertEquals(done + 1, looks.get());
  }

  @Test
  void aFailedLookSaysWhy() {
    Probe<String> probe =
        new Probe<>(
            () -> {
              throw new IllegalStateException(
                  "pool", new SQLException("Connection  refused\n(port 5432)"));
            },
            Duration.ofSeconds(5));
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> probe.result(executor));
    assertEquals("Connection refused (port 5432)", Probe.reason(failure.getCause()));
  }

  @Test
  void reasonsAreShortAndNeverNull() {
    assertEquals("java.io.IOException", Probe.reason(new IOException()));
    assertEquals("x".repeat(300) + "…", Probe.reason(new IOException("x".repeat(400))));
  }
}
