package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <Connect>}: hands the call to a bidirectional stream (and ends the TwiML). */
@XmlRootElement(name = "Connect")
public class Connect extends TwimlElement<Connect> implements Container {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;

  // Stream, and through raw TwiML the other nouns Twilio offers here (Room, Siprec …).
  @XmlElementRef(type = Stream.class)
  @XmlAnyElement(lax = true)
  private final List<Object> children = new ArrayList<>();

  public Connect() {}

  /** A {@code <Connect>} holding {@code stream}. */
  public Connect(Stream stream) {
    children.add(stream);
  }

  @Override
  public List<Object> children() {
    return children;
  }

  @Override
  public boolean accepts(String elementName) {
    return !elementName.equals("Connect");
  }

  /** Where Twilio goes when the stream ends. */
  public Connect action(String url) {
    this.action = url;
    return this;
  }

  public Connect method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }
}
