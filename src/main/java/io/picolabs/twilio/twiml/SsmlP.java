package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** SSML {@code <p>}: a paragraph, with the pause that follows one. */
@XmlRootElement(name = "p")
public class SsmlP extends TwimlElement<SsmlP> {
  @XmlValue private String text;

  SsmlP() {}

  public SsmlP(String text) {
    this.text = text;
  }
}
