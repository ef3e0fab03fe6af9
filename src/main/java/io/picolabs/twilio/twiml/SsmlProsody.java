package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** SSML {@code <prosody>}: volume, rate and pitch of the text. */
@XmlRootElement(name = "prosody")
public class SsmlProsody extends TwimlElement<SsmlProsody> {
  @XmlAttribute private String volume;
  @XmlAttribute private String rate;
  @XmlAttribute private String pitch;
  @XmlValue private String text;

  SsmlProsody() {}

  public SsmlProsody(String text) {
    this.text = text;
  }

  /** {@code silent}, {@code x-soft} … {@code x-loud}, or {@code +6dB}. */
  public SsmlProsody volume(String volume) {
    this.volume = volume;
    return this;
  }

  /** {@code x-slow} … {@code x-fast}, or a percentage. */
  public SsmlProsody rate(String rate) {
    this.rate = rate;
    return this;
  }

  /** {@code x-low} … {@code x-high}, or {@code +10%}. */
  public SsmlProsody pitch(String pitch) {
    this.pitch = pitch;
    return this;
  }
}
