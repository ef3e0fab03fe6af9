package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Reject>}: refuses the call without answering it (only as the first verb). */
@XmlRootElement(name = "Reject")
public class Reject extends TwimlElement<Reject> {
  /** What the caller hears: a not-in-service message or a busy signal. */
  public enum Reason {
    @XmlEnumValue("rejected")
    REJECTED,
    @XmlEnumValue("busy")
    BUSY
  }

  @XmlAttribute private Reason reason;

  public Reject() {}

  public Reject reason(Reason reason) {
    this.reason = reason;
    return this;
  }
}
