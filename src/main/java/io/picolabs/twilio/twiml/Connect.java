package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <Connect>}: hands the call to a bidirectional stream or a ConversationRelay session (and
 * ends the TwiML; the call goes on at {@code action} when the session ends).
 */
@XmlRootElement(name = "Connect")
public class Connect extends StreamVerb<Connect> {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;

  public Connect() {}

  /** A {@code <Connect>} holding {@code stream}. */
  public Connect(Stream stream) {
    super(stream);
  }

  /** A {@code <Connect>} holding {@code relay}. */
  public Connect(ConversationRelay relay) {
    super(relay);
  }

  /** Where Twilio goes when the stream or the session ends. */
  public Connect action(String url) {
    this.action = url;
    return this;
  }

  public Connect method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }
}
