package io.picolabs.twilio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.outbound.Reconciliation.Siblings;
import io.picolabs.twilio.outbound.Reconciliation.Verdict;
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
  static final String TO = "+18015552311";
  static final String FROM = "+18005551212";
  static final OutgoingSms SMS = new OutgoingSms(TO, FROM, null, "hi", List.of(), null);

  static SentMessage message(String sid, String to, String body, OffsetDateTime created) {
    return message(sid, to, body, created, "outbound-api", null, 0);
  }

  static SentMessage message(
      String sid,
      String to,
      String body,
      OffsetDateTime created,
      String direction,
      String service,
      int media) {
    return new SentMessage(
        sid, "queued", to, FROM, body, "AC1", service, 1, media, null, null, created, null, created,
        direction);
  }

  static PlacedCall call(String sid, OffsetDateTime created) {
    return call(sid, created, "outbound-api");
  }

  static PlacedCall call(String sid, OffsetDateTime created, String direction) {
    return new PlacedCall(sid, "queued", TO, FROM, direction, "AC1", created, created);
  }

  static Optional<String> sid(Verdict<SentMessage> verdict) {
    assertFalse(verdict.isAmbiguous(), verdict.ambiguity());
    return verdict.found().map(SentMessage::sid);
  }

  static Optional<String> callSid(Verdict<PlacedCall> verdict) {
    assertFalse(verdict.isAmbiguous(), verdict.ambiguity());
    return verdict.found().map(PlacedCall::sid);
  }

  static Verdict<SentMessage> alone(List<SentMessage> listed, OutgoingSms sms, Set<String> taken) {
    return Reconciliation.message(listed, sms, ENTRY_CREATED, taken, Siblings.ALONE);
  }

  @Test
  void theOldestMatchingMessageThatIsNobodysIsTheOne() {
    List<SentMessage> newestFirst =
        List.of(
            message("SM4", TO, "hi", NOON.plusSeconds(30)),
            message("SM3", TO, "other text", NOON.plusSeconds(20)),
            message("SM2", TO, "hi", NOON.plusSeconds(10)),
            message("SM1", TO, "hi", NOON.plusSeconds(5)));
    assertEquals(Optional.of("SM2"), sid(alone(newestFirst, SMS, Set.of("SM1"))));
    assertEquals(Optional.of("SM1"), sid(alone(newestFirst, SMS, Set.of())));
  }

  @Test
  void aMessageFromBeforeTheEntryOrToAnotherNumberIsNotIt() {
    List<SentMessage> listed =
        List.of(
            message("SM2", "+18015550000", "hi", NOON.plusSeconds(10)),
            message("SM1", TO, "hi", NOON.minusSeconds(121)));
    assertEquals(Optional.empty(), sid(alone(listed, SMS, Set.of())));
    // within the clocks' skew it still counts
    List<SentMessage> skewed = List.of(message("SM3", TO, "hi", NOON.minusSeconds(60)));
    assertEquals(Optional.of("SM3"), sid(alone(skewed, SMS, Set.of())));
  }

  @Test
  void aMediaOnlyMessageMatchesAnEmptyBodyWithItsNumberOfMedia() {
    OutgoingSms media = new OutgoingSms(TO, FROM, null, null, List.of("https://x/a.png"), null);
    assertEquals(
        Optional.of("SM1"),
        sid(
            alone(
                List.of(message("SM1", TO, "", NOON, "outbound-api", null, 1)), media, Set.of())));
    // the same text with no media, or two, is another message
    assertEquals(
        Optional.empty(),
        sid(
            alone(
                List.of(
                    message("SM2", TO, "", NOON, "outbound-api", null, 0),
                    message("SM3", TO, "", NOON, "outbound-api", null, 2)),
                media,
                Set.of())));
  }

  /**
   * A {@code <Message>} reply or a message a call sent has the same text but was not created by us.
   */
  @Test
  void onlyWhatTheRestApiCreatedCanBeTheEntrys() {
    List<SentMessage> listed =
        List.of(
            message("SM2", TO, "hi", NOON.plusSeconds(2), "outbound-reply", null, 0),
            message("SM1", TO, "hi", NOON.plusSeconds(1), "outbound-call", null, 0));
    assertEquals(Optional.empty(), sid(alone(listed, SMS, Set.of())));
  }

  @Test
  void aMessagingServiceIsComparedInsteadOfTheFromNumber() {
    OutgoingSms viaService =
        new OutgoingSms(TO, null, "MG00000000000000000000000000000001", "hi", List.of(), null);
    List<SentMessage> listed =
        List.of(
            message("SM3", TO, "hi", NOON.plusSeconds(3), "outbound-api", null, 0),
            message(
                "SM2",
                TO,
                "hi",
                NOON.plusSeconds(2),
                "outbound-api",
                "MG00000000000000000000000000000002",
                0),
            message(
                "SM1",
                TO,
                "hi",
                NOON.plusSeconds(1),
                "outbound-api",
                "MG00000000000000000000000000000001",
                0));
    assertEquals(Optional.of("SM1"), sid(alone(listed, viaService, Set.of())));
    assertEquals(Optional.empty(), sid(alone(listed, viaService, Set.of("SM1"))));
  }

  @Test
  void identicalSiblingsEachTakeTheirOwnWhenTwilioHasOneForEach() {
    List<SentMessage> listed =
        List.of(
            message("SM2", TO, "hi", NOON.plusSeconds(2)),
            message("SM1", TO, "hi", NOON.plusSeconds(1)));
    assertEquals(
        Optional.of("SM1"),
        sid(Reconciliation.message(listed, SMS, ENTRY_CREATED, Set.of(), new Siblings(0, 2))));
    assertEquals(
        Optional.of("SM2"),
        sid(Reconciliation.message(listed, SMS, ENTRY_CREATED, Set.of(), new Siblings(1, 2))));
    // none at Twilio: none went out, each may be sent again
    assertEquals(
        Optional.empty(),
        sid(Reconciliation.message(List.of(), SMS, ENTRY_CREATED, Set.of(), new Siblings(1, 2))));
  }

  @Test
  void fewerAtTwilioThanIdenticalSiblingsInDoubtIsUnknownNotAGuess() {
    List<SentMessage> listed = List.of(message("SM1", TO, "hi", NOON.plusSeconds(1)));
    for (int position = 0; position < 2; position++) {
      Verdict<SentMessage> verdict =
          Reconciliation.message(listed, SMS, ENTRY_CREATED, Set.of(), new Siblings(position, 2));
      assertTrue(verdict.isAmbiguous());
      assertEquals(Optional.empty(), verdict.found());
      assertEquals(
          "2 identical messages were in doubt and Twilio has 1 of them (SM1): which went out"
              + " cannot be told",
          verdict.ambiguity());
    }
  }

  @Test
  void callsMatchByDirectionNumbersTimeAndOwnership() {
    List<PlacedCall> listed =
        List.of(
            call("CA4", NOON.plusSeconds(4), "outbound-dial"),
            call("CA3", NOON.plusSeconds(3)),
            call("CA2", NOON.plusSeconds(2)),
            call("CA1", NOON.minusSeconds(600)));
    assertEquals(
        Optional.of("CA2"),
        callSid(Reconciliation.call(listed, TO, FROM, ENTRY_CREATED, Set.of(), Siblings.ALONE)));
    assertEquals(
        Optional.of("CA3"),
        callSid(
            Reconciliation.call(listed, TO, FROM, ENTRY_CREATED, Set.of("CA2"), Siblings.ALONE)));
    // a <Dial> leg (CA4) is never the entry's, nor a call between other numbers
    assertEquals(
        Optional.empty(),
        callSid(
            Reconciliation.call(
                listed, TO, FROM, ENTRY_CREATED, Set.of("CA2", "CA3"), Siblings.ALONE)));
    assertEquals(
        Optional.empty(),
        callSid(
            Reconciliation.call(
                listed, "+18015550000", FROM, ENTRY_CREATED, Set.of(), Siblings.ALONE)));
  }
}
