package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <Response>}: the document Twilio reads, its verbs run in order (voice or messaging). */
@XmlRootElement(name = "Response")
public class Response extends TwimlElement<Response> implements Container {

  @XmlElementRefs({
    @XmlElementRef(type = Say.class),
    @XmlElementRef(type = Play.class),
    @XmlElementRef(type = Gather.class),
    @XmlElementRef(type = Record.class),
    @XmlElementRef(type = Sms.class),
    @XmlElementRef(type = Dial.class),
    @XmlElementRef(type = Hangup.class),
    @XmlElementRef(type = Redirect.class),
    @XmlElementRef(type = Reject.class),
    @XmlElementRef(type = Pause.class),
    @XmlElementRef(type = Message.class),
    @XmlElementRef(type = Enqueue.class),
    @XmlElementRef(type = Leave.class),
    @XmlElementRef(type = Connect.class),
    @XmlElementRef(type = Start.class),
    @XmlElementRef(type = Stop.class)
  })
  @XmlAnyElement(lax = true) // TwiML this model does not know, kept as DOM elements
  private final List<Object> verbs = new ArrayList<>();

  @Override
  public List<Object> children() {
    return verbs;
  }

  @Override
  public boolean accepts(String elementName) {
    return !elementName.equals("Response");
  }
}
