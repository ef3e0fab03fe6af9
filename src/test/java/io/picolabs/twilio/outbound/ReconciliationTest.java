package io.picolabs.twilio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.PlacedCall;
import io.picolabs.twilio.rest.SentMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
  static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);
  static final long ENTRY_CREATED = NOON.toInstant().toEpochMilli();
  static final OutgoingSms SMS =
      new OutgoingSms("+18015552311", "+18005551212", null, "hi", List.of(), null);

  static SentMessage message(String sid, String to, String body, OffsetDateTime created) {
    return new SentMessage(
        sid,
        "queued",
        to,
        "+18005551212",
        body,
        "AC1",
        null,
        1,
        0,
        null,
        null,
        created,
        null,
        created);
  }

  static PlacedCall call(String sid, OffsetDateTime created) {
    return new PlacedCall(
        sid, "queued", "+18015552311", "+18005551212", "outbound-api", "AC1", created, created);
  }

  @Test
  void theOldestMatchingMessageThatIsNobodysIsTheOne() {
    List<SentMessage> newestFirst =
        List.of(
            message("SM4", "+18015552311", "hi", NOON.plusSeconds(30)),
            message("SM3", "+18015552311", "other text", NOON.plusSeconds(20)),
            message("SM2", "+18015552311", "hi", NOON.plusSeconds(10)),
            message("SM1", "+18015552311", "hi", NOON.plusSeconds(5)));
    assertEquals(
        "SM2", Reconciliation.message(newestFirst, SMS, ENTRY_CREATED, Set.of("SM1")).get().sid());
    assertEquals(
        "SM1", Reconciliation.message(newestFirst, SMS, ENTRY_CREATED, Set.of()).get().sid());
  }

  @Test
  void aMessageFromBeforeTheEntryOrToAnotherNumberIsNotIt() {
    List<SentMessage> listed =
        List.of(
            message("SM2", "+18015550000", "hi", NOON.plusSeconds(10)),
            message("SM1", "+18015552311", "hi", NOON.minusSeconds(121)));
    assertEquals(Optional.empty(), Reconciliation.message(listed, SMS, ENTRY_CREATED, Set.of()));
    // within the clocks' skew it still counts
    List<SentMessage> skewed = List.of(message("SM3", "+18015552311", "hi", NOON.minusSeconds(60)));
    assertEquals("SM3", Reconciliation.message(skewed, SMS, ENTRY_CREATED, Set.of()).get().sid());
  }

  @Test
  void aMediaOnlyMessageMatchesAnEmptyBody() {
    OutgoingSms media =
        new OutgoingSms(
            "+18015552311", "+18005551212", null, null, List.of("https://x/a.png"), null);
    List<SentMessage> listed = List.of(message("SM1", "+18015552311", "", NOON));
    assertEquals("SM1", Reconciliation.message(listed, media, ENTRY_CREATED, Set.of()).get().sid());
  }

  @Test
  void callsMatchByTimeAndOwnership() {
    List<PlacedCall> listed =
        List.of(
            call("CA3", NOON.plusSeconds(3)),
            call("CA2", NOON.plusSeconds(2)),
            call("CA1", NOON.minusSeconds(600)));
    assertEquals("CA2", Reconciliation.call(listed, ENTRY_CREATED, Set.of()).get().sid());
    assertEquals("CA3", Reconciliation.call(listed, ENTRY_CREATED, Set.of("CA2")).get().sid());
    assertEquals(
        Optional.empty(), Reconciliation.call(listed, ENTRY_CREATED, Set.of("CA2", "CA3")));
  }
}
