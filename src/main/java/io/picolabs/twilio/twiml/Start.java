package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <Start>}: forks the call's audio to a stream while the TwiML goes on. */
@XmlRootElement(name = "Start")
public class Start extends TwimlElement<Start> implements Container {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;

  // Stream, and through raw TwiML the other nouns Twilio offers here (Room, Siprec …).
  @XmlElementRef(type = Stream.class)
  @XmlAnyElement(lax = true)
  private final List<Object> children = new ArrayList<>();

  public Start() {}

  /** A {@code <Start>} holding {@code stream}. */
  public Start(Stream stream) {
    children.add(stream);
  }

  @Override
  public List<Object> children() {
    return children;
  }

  @Override
  public boolean accepts(String elementName) {
    return !elementName.equals("Start");
  }

  /** Where Twilio goes when the stream ends. */
  public Start action(String url) {
    this.action = url;
    return this;
  }

  public Start method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }
}
