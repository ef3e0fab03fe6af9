package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code <Connect>}, {@code <Start>} and {@code <Stop>} share: they hold a {@code <Stream>}
 * (and {@code <Connect>} a {@code <ConversationRelay>}).
 */
@XmlTransient
public abstract class StreamVerb<T extends StreamVerb<T>> extends TwimlElement<T>
    implements Container {

  // Stream, ConversationRelay (Connect only), and through raw TwiML the other nouns Twilio offers
  // here (Room, Siprec …).
  @XmlElementRefs({
    @XmlElementRef(type = Stream.class),
    @XmlElementRef(type = ConversationRelay.class)
  })
  @XmlAnyElement(lax = true)
  private final List<Object> children = new ArrayList<>();

  protected StreamVerb() {}

  protected StreamVerb(TwimlElement<?> noun) {
    children.add(noun);
  }

  @Override
  public List<Object> children() {
    return children;
  }

  @Override
  public boolean accepts(String elementName) {
    return !elementName.equals(getClass().getSimpleName());
  }
}
