package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Play>}: plays an audio file, or DTMF tones with {@link #digits}. */
@XmlRootElement(name = "Play")
public class Play extends TwimlElement<Play> {
  @XmlAttribute private Integer loop;
  @XmlAttribute private String digits;
  @XmlValue private String url;

  Play() {}

  public Play(String url) {
    this.url = url;
  }

  public Play loop(int loop) {
    this.loop = loop;
    return this;
  }

  /** DTMF digits to play; {@code w} waits half a second. */
  public Play digits(String digits) {
    this.digits = digits;
    return this;
  }
}
