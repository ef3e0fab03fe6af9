package io.picolabs.twilio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which entries in doubt a reconciliation must tell apart ({@code OutboxStore.siblings}). */
class SiblingsTest {
  private static OutboxEntry sms(String id, String body, long createdMillis) {
    return new OutboxEntry(
        id,
        OutboxStore.SMS,
        null,
        "+18015552311",
        "+18005551212",
        "{\"to\":\"+18015552311\",\"from\":\"+18005551212\",\"body\":\""
            + body
            + "\",\"mediaUrls\":[]}",
        "http://x",
        createdMillis);
  }

  @Test
  void anEntryReadInBothStatesCountsOnce() {
    OutboxEntry entry = sms("b", "twin", 2);
    OutboxEntry other = sms("a", "twin", 1);
    // read while claimed, and again after it went to reconcile between the two reads
    OutboxEntry otherAgain = sms("a", "twin", 1);
    assertEquals(
        List.of("a", "b"),
        OutboxStore.siblings(entry, List.of(other, entry, otherAgain)).stream()
            .map(e -> e.id)
            .toList());
  }

  @Test
  void onlyTheSameRequestOldestFirst() {
    OutboxEntry entry = sms("m", "twin", 5);
    assertEquals(
        List.of("a", "m", "z"),
        OutboxStore.siblings(
                entry, List.of(sms("z", "twin", 9), sms("x", "other", 1), sms("a", "twin", 1)))
            .stream()
            .map(e -> e.id)
            .toList());
  }
}
