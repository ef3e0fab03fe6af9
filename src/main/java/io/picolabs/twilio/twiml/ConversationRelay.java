package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <ConversationRelay url="wss://…">} inside {@code <Connect>}: Twilio turns the caller's
 * speech into text and the application's text into speech, and talks JSON with the application over
 * a WebSocket until the session ends; then the call goes on at {@code <Connect action>}.
 *
 * <p>Which caller input may interrupt speech ({@link #interruptible}, {@link
 * #welcomeGreetingInterruptible}, {@link #reportInputDuringAgentSpeech}) is one of {@code none},
 * {@code dtmf}, {@code speech}, {@code any} ({@link Input}); Twilio still reads {@code true} and
 * {@code false} there, as {@code any} and {@code none}.
 */
@XmlRootElement(name = "ConversationRelay")
public class ConversationRelay extends TwimlElement<ConversationRelay> {

  /** Which of the caller's input counts, in the attributes that take one. */
  public enum Input {
    NONE,
    DTMF,
    SPEECH,
    ANY;

    String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @XmlAttribute private String url;
  @XmlAttribute private String language;
  @XmlAttribute private String ttsLanguage;
  @XmlAttribute private String transcriptionLanguage;
  @XmlAttribute private String ttsProvider;
  @XmlAttribute private String voice;
  @XmlAttribute private String transcriptionProvider;
  @XmlAttribute private String speechModel;
  @XmlAttribute private Boolean profanityFilter;
  @XmlAttribute private Boolean dtmfDetection;
  @XmlAttribute private String welcomeGreeting;
  @XmlAttribute private Boolean partialPrompts;
  @XmlAttribute private String welcomeGreetingInterruptible;
  @XmlAttribute private String interruptible;
  @XmlAttribute private Boolean preemptible;
  @XmlAttribute private String hints;
  @XmlAttribute private String intelligenceService;
  @XmlAttribute private String reportInputDuringAgentSpeech;
  @XmlAttribute private String elevenlabsTextNormalization;
  @XmlAttribute private String interruptSensitivity;
  @XmlAttribute private String debug;

  @XmlElementRefs({@XmlElementRef(type = Language.class), @XmlElementRef(type = Parameter.class)})
  private final List<TwimlElement<?>> children = new ArrayList<>();

  ConversationRelay() {}

  /** A session with the application's WebSocket at {@code url} ({@code wss://…}). */
  public ConversationRelay(String url) {
    this.url = url;
  }

  /** The language of both speech and transcription (BCP 47, {@code en-US} by default). */
  public ConversationRelay language(String language) {
    this.language = language;
    return this;
  }

  public ConversationRelay ttsLanguage(String language) {
    this.ttsLanguage = language;
    return this;
  }

  public ConversationRelay transcriptionLanguage(String language) {
    this.transcriptionLanguage = language;
    return this;
  }

  /** {@code Google}, {@code Amazon} or {@code ElevenLabs}. */
  public ConversationRelay ttsProvider(String provider) {
    this.ttsProvider = provider;
    return this;
  }

  public ConversationRelay voice(String voice) {
    this.voice = voice;
    return this;
  }

  /** {@code Google} or {@code Deepgram}. */
  public ConversationRelay transcriptionProvider(String provider) {
    this.transcriptionProvider = provider;
    return this;
  }

  public ConversationRelay speechModel(String model) {
    this.speechModel = model;
    return this;
  }

  public ConversationRelay profanityFilter(boolean on) {
    this.profanityFilter = on;
    return this;
  }

  /** Whether the caller's keypresses reach the application as {@code dtmf} messages. */
  public ConversationRelay dtmfDetection(boolean on) {
    this.dtmfDetection = on;
    return this;
  }

  /** What Twilio says first, before the application's first word. */
  public ConversationRelay welcomeGreeting(String text) {
    this.welcomeGreeting = text;
    return this;
  }

  /** Whether unfinished transcriptions arrive too, as prompts with {@code last} false. */
  public ConversationRelay partialPrompts(boolean on) {
    this.partialPrompts = on;
    return this;
  }

  public ConversationRelay welcomeGreetingInterruptible(Input input) {
    this.welcomeGreetingInterruptible = input.value();
    return this;
  }

  public ConversationRelay interruptible(Input input) {
    this.interruptible = input.value();
    return this;
  }

  /** Whether the next talk cycle's text may cut this one's speech short. */
  public ConversationRelay preemptible(boolean on) {
    this.preemptible = on;
    return this;
  }

  /** Words or phrases, comma separated, that help transcription. */
  public ConversationRelay hints(String hints) {
    this.hints = hints;
    return this;
  }

  public ConversationRelay intelligenceService(String sid) {
    this.intelligenceService = sid;
    return this;
  }

  public ConversationRelay reportInputDuringAgentSpeech(Input input) {
    this.reportInputDuringAgentSpeech = input.value();
    return this;
  }

  /** {@code on}, {@code off} or {@code auto}. */
  public ConversationRelay elevenlabsTextNormalization(String mode) {
    this.elevenlabsTextNormalization = mode;
    return this;
  }

  /** {@code low}, {@code medium} or {@code high}. */
  public ConversationRelay interruptSensitivity(String sensitivity) {
    this.interruptSensitivity = sensitivity;
    return this;
  }

  /** Space-separated: {@code debugging}, {@code speaker-events}, {@code tokens-played}. */
  public ConversationRelay debug(String channels) {
    this.debug = channels;
    return this;
  }

  /** Speech settings for a language the session may switch to. */
  public ConversationRelay language(Language language) {
    children.add(language);
    return this;
  }

  /** A custom parameter, in the {@code setup} message's {@code customParameters}. */
  public ConversationRelay parameter(String name, String value) {
    children.add(new Parameter(name, value));
    return this;
  }
}
