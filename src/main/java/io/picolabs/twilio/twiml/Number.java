package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Number>}: a phone number for {@code <Dial>} to ring. */
@XmlRootElement(name = "Number")
public class Number {
  @XmlAttribute private String sendDigits;
  @XmlAttribute private String url;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;
  @XmlAttribute private String statusCallbackEvent;
  @XmlAttribute private HttpMethod statusCallbackMethod;
  @XmlValue private String number;

  Number() {}

  public Number(String number) {
    this.number = number;
  }

  /** DTMF to play once the number answers (an extension). */
  public Number sendDigits(String digits) {
    this.sendDigits = digits;
    return this;
  }

  /** TwiML played to the called party before they are connected. */
  public Number url(String url) {
    this.url = url;
    return this;
  }

  public Number method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Number statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  /** Space-separated: {@code initiated ringing answered completed}. */
  public Number statusCallbackEvent(String events) {
    this.statusCallbackEvent = events;
    return this;
  }

  public Number statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }
}
