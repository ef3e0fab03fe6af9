package io.picolabs.twilio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The accounts paused after a 429, on a clock the test moves. */
class AccountPacingTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AccountPacing pacing = new AccountPacing(nanos::get);

  private void advance(long millis) {
    nanos.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  @Test
  void anAccountIsPausedForItsDelayAndTheOthersAreNot() {
    pacing.pause("default", Duration.ofSeconds(2));
    assertEquals(Set.of("default"), pacing.paused());
    assertEquals(Duration.ofSeconds(2), pacing.remaining("default"));
    assertEquals(Duration.ZERO, pacing.remaining("alerts"));
    advance(1500);
    assertEquals(Duration.ofMillis(500), pacing.remaining("default"));
    advance(500);
    assertEquals(Duration.ZERO, pacing.remaining("default"));
    assertEquals(Set.of(), pacing.paused());
  }

  @Test
  void aShorterPauseDoesNotCutALongerOneAndALongerOneExtendsIt() {
    pacing.pause("default", Duration.ofSeconds(3));
    pacing.pause("default", Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(3), pacing.remaining("default"));
    advance(2000);
    pacing.pause("default", Duration.ofSeconds(4));
    assertEquals(Duration.ofSeconds(4), pacing.remaining("default"));
  }

  @Test
  void theDefaultAccountIsNamedAsTheQueriesCompareIt() {
    pacing.pause(null, Duration.ofSeconds(1));
    assertEquals(Set.of(AccountPacing.DEFAULT), pacing.paused());
    assertEquals(Duration.ofSeconds(1), pacing.remaining(null));
    assertEquals(Duration.ZERO, pacing.remaining("alerts"));
  }

  @Test
  void noDelayPausesNothing() {
    pacing.pause("default", Duration.ZERO);
    assertEquals(Set.of(), pacing.paused());
  }
}
