package io.picolabs.twilio.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The race between a webhook's deadline and a rule's commit, decided once. */
class AnswerGateTest {

  @Test
  void anOpenGateClosesAtOnceAndNoCommitEntersAfter() {
    AnswerGate gate = new AnswerGate();
    assertTrue(gate.close(Duration.ZERO));
    assertTrue(gate.closed());
    assertFalse(gate.enterCommit());
  }

  @Test
  void theDeadlineWaitsForACommitUnderWayThenCloses() throws Exception {
    AnswerGate gate = new AnswerGate();
    assertTrue(gate.enterCommit());

    CompletableFuture<Boolean> closing =
        CompletableFuture.supplyAsync(() -> gate.close(Duration.ofSeconds(30)));
    assertThrows(TimeoutException.class, () -> closing.get(200, TimeUnit.MILLISECONDS));
    assertTrue(gate.closed(), "no other commit may begin while the deadline waits");
    assertFalse(gate.enterCommit());

    gate.leaveCommit();
    assertTrue(closing.get(5, TimeUnit.SECONDS));
    assertFalse(gate.enterCommit());
  }

  @Test
  void aCommitThatOutlastsTheWaitClosesTheGateForGoodWhenItEnds() {
    AnswerGate gate = new AnswerGate();
    assertTrue(gate.enterCommit());

    assertFalse(gate.close(Duration.ofMillis(20)));
    gate.leaveCommit();

    assertTrue(gate.closed());
    assertFalse(gate.enterCommit());
    assertTrue(gate.close(Duration.ZERO));
  }

  @Test
  void commitsOneAfterAnotherLeaveItOpen() {
    AnswerGate gate = new AnswerGate();
    for (int i = 0; i < 3; i++) {
      assertTrue(gate.enterCommit());
      gate.leaveCommit();
    }
    assertFalse(gate.closed());
  }
}
