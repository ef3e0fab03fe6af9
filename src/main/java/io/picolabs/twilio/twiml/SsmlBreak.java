package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlRootElement;

/** SSML {@code <break>}: a pause inside {@code <Say>}. */
@XmlRootElement(name = "break")
public class SsmlBreak extends TwimlElement<SsmlBreak> {

  /** How long a pause, as SSML names it. */
  public enum Strength {
    @XmlEnumValue("none")
    NONE,
    @XmlEnumValue("x-weak")
    X_WEAK,
    @XmlEnumValue("weak")
    WEAK,
    @XmlEnumValue("medium")
    MEDIUM,
    @XmlEnumValue("strong")
    STRONG,
    @XmlEnumValue("x-strong")
    X_STRONG
  }

  @XmlAttribute private Strength strength;
  @XmlAttribute private String time;

  public SsmlBreak() {}

  public SsmlBreak strength(Strength strength) {
    this.strength = strength;
    return this;
  }

  /** {@code 500ms}, {@code 2s}. */
  public SsmlBreak time(String time) {
    this.time = time;
    return this;
  }
}
