package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Say>}: text-to-speech. */
@XmlRootElement(name = "Say")
public class Say {
  @XmlAttribute private String voice;
  @XmlAttribute private String language;
  @XmlAttribute private Integer loop;
  @XmlValue private String text;

  Say() {}

  public Say(String text) {
    this.text = text;
  }

  /** man, woman, alice, Polly.*, Google.* … (Twilio adds voices, so this stays a string). */
  public Say voice(String voice) {
    this.voice = voice;
    return this;
  }

  public Say language(String language) {
    this.language = language;
    return this;
  }

  /** How many times to say it; 0 repeats until the call ends. */
  public Say loop(int loop) {
    this.loop = loop;
    return this;
  }
}
