package io.picolabs.twilio.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.picolabs.twilio.rules.RuleEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEventTest {

  @Test
  void attributesAreLookedUpIgnoringCase() {
    RuleEvent event = RuleEvent.of("twilio", "inbound_call", Map.of("From", "+911"));
    assertEquals("+911", event.attr("from"));
    assertEquals("+911", event.attr("FROM"));
    assertEquals("+911", event.attr("From"));
    assertNull(event.attr("To"));
    assertEquals("nobody", event.attr("To", "nobody"));
  }

  @Test
  void repeatedValuesAndOriginalNamesAreKept() {
    Map<String, List<String>> attrs = new LinkedHashMap<>();
    attrs.put("MediaUrl", List.of("a", "b"));
    attrs.put("Body", List.of("hi"));
    RuleEvent event = new RuleEvent("twilio", "inbound_sms", attrs);
    assertEquals("a", event.attr("mediaurl"));
    assertEquals(List.of("a", "b"), event.attrValues("MEDIAURL"));
    assertEquals(List.of(), event.attrValues("none"));
    assertEquals(List.of("MediaUrl", "Body"), List.copyOf(event.attrs().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> event.attrs().put("x", List.of()));
    assertEquals("twilio inbound_sms", event.toString());
  }

  @Test
  void namesMatchExactlyWhenTheCaseInsensitiveOrderFindsThemEqual() {
    List<String> names =
        List.of(
            "From",
            "FROM",
            "from",
            "fröm",
            "FRÖM",
            "Émile",
            "émile",
            "EMILE",
            "σοφία",
            "ΣΟΦΊΑ",
            "ςοφία",
            "Straße",
            "STRASSE",
            "ǅ",
            "ǆ",
            "Ǆ",
            "I",
            "ı",
            "İ",
            "i",
            "K",
            "\u212A",
            "\uD801\uDC00",
            "\uD801\uDC28",
            "x\uD801\uDC00",
            "");
    for (String name : names) {
      RuleEvent event = RuleEvent.of("twilio", "t", Map.of(name, "v"));
      for (String other : names) {
        assertEquals(
            String.CASE_INSENSITIVE_ORDER.compare(name, other) == 0,
            event.attr(other) != null,
            name + " looked up as " + other);
      }
    }
  }

  @Test
  void aNameSpelledExactlyWinsOverOneThatMatchesIgnoringCase() {
    Map<String, List<String>> attrs = new LinkedHashMap<>();
    attrs.put("From", List.of("first"));
    attrs.put("FROM", List.of("second"));
    RuleEvent event = new RuleEvent("twilio", "t", attrs);
    assertEquals("first", event.attr("From"));
    assertEquals("second", event.attr("FROM"));
    assertEquals("first", event.attr("from"), "no exact name: the first that matches");
    assertEquals(List.of("second"), event.attrValues("FROM"));
  }
}
