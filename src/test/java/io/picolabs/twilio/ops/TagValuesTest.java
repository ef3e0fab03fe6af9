package io.picolabs.twilio.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TagValuesTest {

  @Test
  void eventTypesAreKeptUntilTheLimitThenCountedAsOne() {
    TagValues tags = new TagValues(2);
    assertEquals("inbound_call", tags.eventType("inbound_call"));
    assertEquals("inbound_sms", tags.eventType("inbound_sms"));
    assertEquals(TagValues.OTHER, tags.eventType("monkey_handle"));
    assertEquals(TagValues.OTHER, tags.eventType("made_up_1"));
    // those already counted keep their own value
    assertEquals("inbound_call", tags.eventType("inbound_call"));
    assertEquals("inbound_sms", tags.eventType("inbound_sms"));
  }

  @Test
  void untrustedTypesStayUntrustedAndTakeNoRoom() {
    TagValues tags = new TagValues(1);
    assertEquals("-", tags.eventType("-"));
    assertEquals("-", tags.eventType(null));
    assertEquals("inbound_call", tags.eventType("inbound_call"));
  }

  @Test
  void whatNoUrlCouldSpellIsOther() {
    TagValues tags = new TagValues(10);
    assertEquals(TagValues.OTHER, tags.eventType("a b"));
    assertEquals(TagValues.OTHER, tags.eventType(""));
    assertEquals(TagValues.OTHER, tags.eventType("x".repeat(65)));
    assertEquals("x".repeat(64), tags.eventType("x".repeat(64)));
  }

  @Test
  void errorCodes() {
    assertEquals("none", TagValues.errorCode(null));
    assertEquals("21211", TagValues.errorCode(21211));
  }
}
