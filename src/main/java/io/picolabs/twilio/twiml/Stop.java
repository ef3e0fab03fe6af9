package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <Stop>}: ends a stream started earlier (named by its {@code name}). */
@XmlRootElement(name = "Stop")
public class Stop extends TwimlElement<Stop> implements Container {
  // Stream, and through raw TwiML the other nouns Twilio offers here (Room, Siprec …).
  @XmlElementRef(type = Stream.class)
  @XmlAnyElement(lax = true)
  private final List<Object> children = new ArrayList<>();

  public Stop() {}

  /** A {@code <Stop>} holding {@code stream}. */
  public Stop(Stream stream) {
    children.add(stream);
  }

  @Override
  public List<Object> children() {
    return children;
  }

  @Override
  public boolean accepts(String elementName) {
    return !elementName.equals("Stop");
  }
}
