package io.picolabs.twilio.webhook;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.picolabs.twilio.http.BadInput;
import io.picolabs.twilio.http.FormBody;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

  private static Map<String, List<String>> parse(String body) {
    return FormBody.parse(body.getBytes(ISO_8859_1));
  }

  @Test
  void decodesTwilioParameters() {
    assertEquals(
        Map.of(
            "From", List.of("+18015552311"),
            "Body", List.of("Where are you? ü & +"),
            "Digits", List.of("1")),
        parse("From=%2B18015552311&Body=Where+are+you%3F+%C3%BC+%26+%2B&Digits=1"));
  }

  @Test
  void keepsOrderAndRepeatedNames() {
    Map<String, List<String>> params = parse("b=2&a=1&b=3&&c&d=");
    assertEquals(List.of("b", "a", "c", "d"), List.copyOf(params.keySet()));
    assertEquals(List.of("2", "3"), params.get("b"));
    assertEquals(List.of(""), params.get("c"));
    assertEquals(List.of(""), params.get("d"));
  }

  @Test
  void emptyBodyAndQuery() {
    assertEquals(Map.of(), FormBody.parse(new byte[0]));
    assertEquals(Map.of(), FormBody.parse((String) null));
    assertEquals(Map.of("x", List.of("y z")), FormBody.parse("x=y%20z"));
  }

  @Test
  void rawUtf8IsAcceptedToo() {
    assertEquals(Map.of("Body", List.of("你好")), FormBody.parse("Body=你好".getBytes(UTF_8)));
  }

  @Test
  void malformedPercentEncodingIsBadInput() {
    assertEquals(
        "malformed percent-encoding in the value of parameter Body",
        assertThrows(BadInput.class, () -> parse("Body=50%ZZ")).getMessage());
    assertThrows(BadInput.class, () -> parse("Body=50%"));
    assertThrows(BadInput.class, () -> parse("Body=%4"));
    assertEquals(
        "malformed percent-encoding in a parameter name",
        assertThrows(BadInput.class, () -> parse("%G0=1")).getMessage());
  }

  @Test
  void invalidUtf8IsBadInput() {
    assertEquals(
        "invalid UTF-8 in the value of parameter Body",
        assertThrows(BadInput.class, () -> parse("Body=%C3%28")).getMessage());
    assertThrows(BadInput.class, () -> parse("Body=%FF"));
    assertThrows(BadInput.class, () -> parse("Body=%ED%A0%80")); // an encoded lone surrogate
  }
}
