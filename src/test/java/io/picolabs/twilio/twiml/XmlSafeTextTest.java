package io.picolabs.twilio.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlSafeTextTest {

  @Test
  void leavesCleanTextAlone() {
    String text = "Hello Monkey \uD83D\uDC35 \t\r\n";
    assertSame(text, XmlSafeText.clean(text));
  }

  @Test
  void removesC0ControlsButTabLineFeedAndReturn() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    assertEquals("\t\n\r", XmlSafeText.clean(controls.toString()));
  }

  @Test
  void removesLoneSurrogatesAndNonCharacters() {
    assertEquals("ab\uD83D\uDC35", XmlSafeText.clean("a\uD800b\uDC00\uFFFE\uFFFF\uD83D\uDC35"));
  }

  @Test
  void nullStaysNull() {
    assertNull(XmlSafeText.clean(null));
  }
}
