package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/**
 * {@code <Say>}: text-to-speech, plain or with SSML ({@code <break>}, {@code <emphasis>}, {@code
 * <prosody>}, {@code <say-as>}, {@code <p>}, {@code <s>}) mixed into the text.
 */
@XmlRootElement(name = "Say")
public class Say extends TwimlElement<Say> {
  @XmlAttribute private String voice;
  @XmlAttribute private String language;
  @XmlAttribute private Integer loop;

  @XmlMixed
  @XmlElementRefs({
    @XmlElementRef(type = SsmlBreak.class),
    @XmlElementRef(type = SsmlEmphasis.class),
    @XmlElementRef(type = SsmlProsody.class),
    @XmlElementRef(type = SsmlSayAs.class),
    @XmlElementRef(type = SsmlP.class),
    @XmlElementRef(type = SsmlS.class)
  })
  @XmlAnyElement(lax = true)
  private final List<Object> content = new MixedContent();

  Say() {}

  public Say(String text) {
    text(text);
  }

  /** man, woman, alice, Polly.*, Google.* … ({@link Voices}): Twilio adds voices, so a string. */
  public Say voice(String voice) {
    this.voice = voice;
    return this;
  }

  /** A BCP 47 tag ({@link Languages}). */
  public Say language(String language) {
    this.language = language;
    return this;
  }

  /** How many times to say it; 0 repeats until the call ends. */
  public Say loop(int loop) {
    this.loop = loop;
    return this;
  }

  /** Appends text. */
  public Say text(String text) {
    String clean = XmlSafeText.clean(text);
    if (clean != null && !clean.isEmpty()) {
      content.add(clean);
    }
    return this;
  }

  /** Appends an SSML {@code <break>}; set its strength or time on the result. */
  public SsmlBreak ssmlBreak() {
    return add(new SsmlBreak());
  }

  public SsmlEmphasis emphasis(String text) {
    return add(new SsmlEmphasis(text));
  }

  public SsmlProsody prosody(String text) {
    return add(new SsmlProsody(text));
  }

  public SsmlSayAs sayAs(String text) {
    return add(new SsmlSayAs(text));
  }

  /** An SSML paragraph. */
  public SsmlP p(String text) {
    return add(new SsmlP(text));
  }

  /** An SSML sentence. */
  public SsmlS s(String text) {
    return add(new SsmlS(text));
  }

  private <T> T add(T child) {
    content.add(child);
    return child;
  }
}
