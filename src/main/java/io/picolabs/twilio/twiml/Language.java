package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <Language code …/>} inside {@code <ConversationRelay>}: the speech settings for one
 * language the session may switch to (with the {@code language} message).
 */
@XmlRootElement(name = "Language")
public class Language extends TwimlElement<Language> {
  @XmlAttribute private String code;
  @XmlAttribute private String ttsProvider;
  @XmlAttribute private String voice;
  @XmlAttribute private String transcriptionProvider;
  @XmlAttribute private String speechModel;

  Language() {}

  /** The settings for language {@code code} (BCP 47, e.g. {@code fr-FR}). */
  public Language(String code) {
    this.code = code;
  }

  /** The text-to-speech provider for this language ({@code Google}, {@code Amazon} …). */
  public Language ttsProvider(String provider) {
    this.ttsProvider = provider;
    return this;
  }

  public Language voice(String voice) {
    this.voice = voice;
    return this;
  }

  /** The speech-to-text provider for this language ({@code Google}, {@code Deepgram} …). */
  public Language transcriptionProvider(String provider) {
    this.transcriptionProvider = provider;
    return this;
  }

  public Language speechModel(String model) {
    this.speechModel = model;
    return this;
  }
}
