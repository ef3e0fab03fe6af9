package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Redirect>}: continues the call with the TwiML at another URL. */
@XmlRootElement(name = "Redirect")
public class Redirect extends TwimlElement<Redirect> {
  @XmlAttribute private HttpMethod method;
  @XmlValue private String url;

  Redirect() {}

  public Redirect(String url) {
    this.url = url;
  }

  public Redirect method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }
}
