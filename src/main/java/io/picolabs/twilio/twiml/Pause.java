package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Pause>}: silence, one second unless a length is given. */
@XmlRootElement(name = "Pause")
public class Pause extends TwimlElement<Pause> {
  @XmlAttribute private Integer length;

  public Pause() {}

  /** Seconds of silence. */
  public Pause length(int seconds) {
    this.length = seconds;
    return this;
  }
}
