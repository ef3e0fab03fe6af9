package io.picolabs.twilio.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TwimlReaderTest {
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  @Test
  void readsADocumentIntoTheModel() {
    String twiml =
        XML
            + "<Response><Gather action=\"/twilio/menu\" numDigits=\"1\" input=\"dtmf speech\">"
            + "<Say voice=\"alice\">Press <emphasis level=\"strong\">one</emphasis></Say></Gather>"
            + "<Dial record=\"record-from-answer\"><Client><Identity>alice</Identity>"
            + "<Parameter name=\"a\" value=\"1\"/></Client></Dial>"
            + "<Message><Body>hi</Body><Media>https://m/1</Media></Message></Response>";
    Response response = TwimlReader.read(twiml);
    List<Object> verbs = response.children();
    assertInstanceOf(Gather.class, verbs.get(0));
    assertInstanceOf(Say.class, ((Gather) verbs.get(0)).children().get(0));
    assertInstanceOf(Dial.class, verbs.get(1));
    assertInstanceOf(Client.class, ((Dial) verbs.get(1)).children().get(0));
    assertInstanceOf(Message.class, verbs.get(2));
    assertEquals(twiml, TwimlWriter.write(response));
  }

  @Test
  void keepsElementsTheModelDoesNotKnow() {
    String twiml =
        XML
            + "<Response><Pay chargeAmount=\"10.00\"><Prompt for=\"payment-card-number\"/></Pay><Hangup/></Response>";
    Response response = TwimlReader.read(twiml);
    assertInstanceOf(Element.class, response.children().get(0));
    assertInstanceOf(Hangup.class, response.children().get(1));
    assertEquals(twiml, TwimlWriter.write(response));
  }

  @Test
  void refusesWhatIsNotTwiml() {
    assertThrows(IllegalArgumentException.class, () -> TwimlReader.read("<Say>no response</Say>"));
    assertThrows(IllegalArgumentException.class, () -> TwimlReader.read("<Response><Say>"));
    IllegalArgumentException dtd =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TwimlReader.read(
                    "<!DOCTYPE Response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response><Say>&x;</Say></Response>"));
    assertTrue(dtd.getMessage().startsWith("TwiML is not well-formed XML"), dtd.getMessage());
    assertTrue(dtd.getMessage().contains("DOCTYPE is disallowed"), dtd.getMessage());
  }
}
