package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Sms>}: the legacy voice verb that texts during a call. */
@XmlRootElement(name = "Sms")
public class Sms extends TwimlElement<Sms> {
  @XmlAttribute private String to;
  @XmlAttribute private String from;
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;
  @XmlValue private String text;

  Sms() {}

  public Sms(String text) {
    this.text = text;
  }

  public Sms to(String to) {
    this.to = to;
    return this;
  }

  public Sms from(String from) {
    this.from = from;
    return this;
  }

  public Sms action(String action) {
    this.action = action;
    return this;
  }

  public Sms method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Sms statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }
}
