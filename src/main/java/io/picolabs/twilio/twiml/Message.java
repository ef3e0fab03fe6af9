package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/**
 * {@code <Message>}: messaging TwiML's reply. Plain text stands as the body; once media is added
 * the text moves into {@code <Body>} beside up to ten {@code <Media>}, as Twilio requires.
 */
@XmlRootElement(name = "Message")
public class Message extends TwimlElement<Message> {
  /** Twilio accepts at most this many media per message. */
  public static final int MAX_MEDIA = 10;

  @XmlAttribute private String to;
  @XmlAttribute private String from;
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;

  @XmlMixed
  @XmlElementRefs({@XmlElementRef(type = Body.class), @XmlElementRef(type = Media.class)})
  @XmlAnyElement(lax = true)
  private final List<Object> content = new MixedContent();

  Message() {}

  public Message(String text) {
    String clean = XmlSafeText.clean(text);
    if (clean != null && !clean.isEmpty()) {
      content.add(clean);
    }
  }

  /** Adds a media URL; more than {@value #MAX_MEDIA} is refused. */
  public Message media(String url) {
    if (content.stream().filter(Media.class::isInstance).count() == MAX_MEDIA) {
      throw new IllegalArgumentException("a message carries at most " + MAX_MEDIA + " media");
    }
    for (int i = 0; i < content.size(); i++) {
      if (content.get(i) instanceof String text) {
        content.set(i, new Body(text));
      }
    }
    content.add(new Media(url));
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
}
