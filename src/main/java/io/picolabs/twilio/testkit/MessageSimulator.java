package io.picolabs.twilio.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * One incoming text as Twilio handles it: requests the server's messaging TwiML, sends each {@code
 * Message} (to the sender unless it names another number), follows {@code Redirect}s.
 */
public final class MessageSimulator {
  private MessageSimulator() {}

  /**
   * What came of one text.
   *
   * @param exchanges the requests made and their answers
   * @param texts the messages the answers sent, in order
   * @param error why an answer could not be followed (Twilio sends nothing then), or empty
   */
  public record Outcome(List<Exchange> exchanges, List<Text> texts, String error) {}

  /**
   * Sends the text's parameters ({@code From}, {@code To}, {@code Body} …) to {@code url} and
   * follows the answer, at most {@code stepLimit} requests.
   */
  public static Outcome send(
      Webhooks http, URI url, String method, Map<String, String> params, int stepLimit) {
    List<Exchange> exchanges = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    URI document = url;
    String how = method;
    while (true) {
      if (exchanges.size() == stepLimit) {
        throw new IllegalStateException(
            "the server made the text request "
                + stepLimit
                + " documents (a Redirect loop?); the last: "
                + exchanges.get(exchanges.size() - 1));
      }
      Exchange answer = http.send(how, document, params);
      exchanges.add(answer);
      List<Element> verbs;
      try {
        verbs = Twiml.verbs(answer, "Message");
      } catch (Twiml.Unusable e) {
        return new Outcome(exchanges, texts, e.getMessage());
      }
      Element redirect = null;
      for (Element verb : verbs) {
        if (verb.getTagName().equals("Message")) {
          texts.add(Twiml.message(verb, params.get("From"), params.get("To")));
        } else if (verb.getTagName().equals("Redirect")) {
          redirect = verb; // the verbs after a Redirect are never reached
          break;
        }
      }
      if (redirect == null) {
        return new Outcome(exchanges, texts, "");
      }
      document = document.resolve(Twiml.text(redirect));
      how = Twiml.attribute(redirect, "method", "POST");
    }
  }
}
