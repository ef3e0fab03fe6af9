package io.picolabs.twilio.twiml;

import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <Message>}: messaging TwiML's reply. Plain text stands as the body; once media is added
 * the text moves into {@code <Body>} beside up to ten {@code <Media>}, as Twilio requires.
 */
@XmlRootElement(name = "Message")
public class Message {
  /** Twilio accepts at most this many media per message. */
  public static final int MAX_MEDIA = 10;

  @XmlAttribute private String to;
  @XmlAttribute private String from;
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;

  @XmlTransient private String text;
  @XmlTransient private final List<String> media = new ArrayList<>();

  // Filled just before marshalling, from text and media.
  @XmlMixed
  @XmlElementRefs({@XmlElementRef(type = Body.class), @XmlElementRef(type = Media.class)})
  private List<Object> content;

  Message() {}

  public Message(String text) {
    this.text = text;
  }

  /** Adds a media URL; more than {@value #MAX_MEDIA} is refused. */
  public Message media(String url) {
    if (media.size() == MAX_MEDIA) {
      throw new IllegalArgumentException("a message carries at most " + MAX_MEDIA + " media");
    }
    media.add(url);
    return this;
  }

  /** The recipient; without it Twilio replies to the sender. */
  public Message to(String to) {
    this.to = to;
    return this;
  }

  public Message from(String from) {
    this.from = from;
    return this;
  }

  public Message action(String url) {
    this.action = url;
    return this;
  }

  public Message method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Message statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  @SuppressWarnings("unused") // called by JAXB
  private void beforeMarshal(Marshaller marshaller) {
    content = new ArrayList<>(media.size() + 1);
    if (media.isEmpty()) {
      if (text != null) {
        content.add(XmlSafeText.clean(text));
      }
      return;
    }
    if (text != null) {
      content.add(new Body(text));
    }
    media.forEach(url -> content.add(new Media(url)));
  }
}
