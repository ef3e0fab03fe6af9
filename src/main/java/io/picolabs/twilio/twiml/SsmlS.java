package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** SSML {@code <s>}: a sentence, with the pause that follows one. */
@XmlRootElement(name = "s")
public class SsmlS extends TwimlElement<SsmlS> {
  @XmlValue private String text;

  SsmlS() {}

  public SsmlS(String text) {
    this.text = text;
  }
}
