package io.picolabs.twilio.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TwimlWriterTest {
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private static String write(Object... verbs) {
    Response response = new Response();
    response.children().addAll(java.util.List.of(verbs));
    return TwimlWriter.write(response);
  }

  @Test
  void emptyResponseIsSelfClosing() {
    assertEquals(XML + "<Response/>", write());
  }

  @Test
  void escapesMarkupInText() {
    assertEquals(
        XML + "<Response><Say>a &amp; b &lt;c&gt; \"d\" 'e' ]]&gt;</Say></Response>",
        write(new Say("a & b <c> \"d\" 'e' ]]>")));
  }

  @Test
  void escapesMarkupInAttributes() {
    assertEquals(
        XML + "<Response><Say voice=\"a &amp; &lt;b&gt; &quot;c&quot; 'd'\">x</Say></Response>",
        write(new Say("x").voice("a & <b> \"c\" 'd'")));
  }

  @Test
  void dropsCharactersXmlCannotCarry() {
    assertEquals(
        // A carriage return survives as a reference, since a parser would turn a literal one into
        // \n.
        XML + "<Response><Say voice=\"ab\">tab\tnl\ncr&#13; end \uD83D\uDC35</Say></Response>",
        write(
            new Say("\u0000tab\tnl\ncr\r\u0001 end\u0008 \uD83D\uDC35\uD800\uFFFE")
                .voice("a\u001Fb")));
  }

  @Test
  void keepsNonAsciiText() {
    assertEquals(
        XML + "<Response><Say language=\"de-DE\">Grüße, 你好</Say></Response>",
        write(new Say("Grüße, 你好").language("de-DE")));
  }

  @Test
  void conversationRelayWritesTheDocumentedInputValues() {
    assertEquals(
        XML
            + "<Response><Connect action=\"/twilio/monkey_bye\"><ConversationRelay"
            + " url=\"wss://example.com/twilio/relay/monkey\" welcomeGreetingInterruptible=\"none\""
            + " interruptible=\"dtmf\" reportInputDuringAgentSpeech=\"any\"><Language"
            + " code=\"de-DE\" voice=\"de-DE-Neural2-B\"/><Parameter name=\"a\" value=\"b\"/>"
            + "</ConversationRelay></Connect></Response>",
        write(
            new Connect(
                    new ConversationRelay("wss://example.com/twilio/relay/monkey")
                        .welcomeGreetingInterruptible(ConversationRelay.Input.NONE)
                        .interruptible(ConversationRelay.Input.DTMF)
                        .reportInputDuringAgentSpeech(ConversationRelay.Input.ANY)
                        .language(new Language("de-DE").voice("de-DE-Neural2-B"))
                        .parameter("a", "b"))
                .action("/twilio/monkey_bye")));
  }
}
