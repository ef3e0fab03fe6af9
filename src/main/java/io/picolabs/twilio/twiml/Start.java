package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Start>}: forks the call's audio to a stream while the TwiML goes on. */
@XmlRootElement(name = "Start")
public class Start extends StreamVerb<Start> {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;

  public Start() {}

  /** A {@code <Start>} holding {@code stream}. */
  public Start(Stream stream) {
    super(stream);
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
