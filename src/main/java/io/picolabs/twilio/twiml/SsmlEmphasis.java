package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** SSML {@code <emphasis>}: text spoken with emphasis. */
@XmlRootElement(name = "emphasis")
public class SsmlEmphasis extends TwimlElement<SsmlEmphasis> {

  public enum Level {
    @XmlEnumValue("strong")
    STRONG,
    @XmlEnumValue("moderate")
    MODERATE,
    @XmlEnumValue("reduced")
    REDUCED
  }

  @XmlAttribute private Level level;
  @XmlValue private String text;

  SsmlEmphasis() {}

  public SsmlEmphasis(String text) {
    this.text = text;
  }

  public SsmlEmphasis level(Level level) {
    this.level = level;
    return this;
  }
}
