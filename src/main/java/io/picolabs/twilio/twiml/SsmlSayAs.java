package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** SSML {@code <say-as>}: how to read the text (digits, a date, a telephone number …). */
@XmlRootElement(name = "say-as")
public class SsmlSayAs extends TwimlElement<SsmlSayAs> {
  @XmlAttribute(name = "interpret-as")
  private String interpretAs;

  @XmlAttribute private String format;
  @XmlValue private String text;

  SsmlSayAs() {}

  public SsmlSayAs(String text) {
    this.text = text;
  }

  /** {@code characters}, {@code digits}, {@code cardinal}, {@code date}, {@code telephone} … */
  public SsmlSayAs interpretAs(String interpretAs) {
    this.interpretAs = interpretAs;
    return this;
  }

  /** For dates: {@code mdy}, {@code dmy}, {@code ymd} … */
  public SsmlSayAs format(String format) {
    this.format = format;
    return this;
  }
}
