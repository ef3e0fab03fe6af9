package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Connect>}: hands the call to a bidirectional stream (and ends the TwiML). */
@XmlRootElement(name = "Connect")
public class Connect extends StreamVerb<Connect> {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;

  public Connect() {}

  /** A {@code <Connect>} holding {@code stream}. */
  public Connect(Stream stream) {
    super(stream);
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
