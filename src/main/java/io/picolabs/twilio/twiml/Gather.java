package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code <Gather>}: collects digits (or speech) while its Say, Play and Pause run. */
@XmlRootElement(name = "Gather")
public class Gather extends TwimlElement<Gather> implements Container {
  private static final Set<String> CHILDREN = Set.of("Say", "Play", "Pause");

  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private Integer timeout;
  @XmlAttribute private String finishOnKey;
  @XmlAttribute private Integer numDigits;
  @XmlAttribute @XmlList private List<Input> input;
  @XmlAttribute private String speechTimeout;
  @XmlAttribute private String hints;
  @XmlAttribute private String language;
  @XmlAttribute private Boolean profanityFilter;
  @XmlAttribute private Boolean bargeIn;
  @XmlAttribute private Boolean actionOnEmptyResult;
  @XmlAttribute private String partialResultCallback;
  @XmlAttribute private HttpMethod partialResultCallbackMethod;
  @XmlAttribute private String speechModel;
  @XmlAttribute private Boolean enhanced;
  @XmlAttribute private Integer maxSpeechTime;
  @XmlAttribute private Boolean debug;

  /** What the caller may answer with. */
  public enum Input {
    @XmlEnumValue("dtmf")
    DTMF,
    @XmlEnumValue("speech")
    SPEECH
  }

  @XmlElementRefs({
    @XmlElementRef(type = Say.class),
    @XmlElementRef(type = Play.class),
    @XmlElementRef(type = Pause.class)
  })
  @XmlAnyElement(lax = true)
  private final List<Object> children = new ArrayList<>();

  public Gather() {}

  @Override
  public List<Object> children() {
    return children;
  }

  @Override
  public boolean accepts(String elementName) {
    return CHILDREN.contains(elementName);
  }

  /** Where Twilio sends the digits; without it, the URL of the current document. */
  public Gather action(String url) {
    this.action = url;
    return this;
  }

  public Gather method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  /** Seconds to wait for the next digit. */
  public Gather timeout(int seconds) {
    this.timeout = seconds;
    return this;
  }

  public Gather finishOnKey(String key) {
    this.finishOnKey = key;
    return this;
  }

  public Gather numDigits(int digits) {
    this.numDigits = digits;
    return this;
  }

  /** {@code input(DTMF, SPEECH)} gives {@code input="dtmf speech"}. */
  public Gather input(Input... inputs) {
    this.input = List.of(inputs);
    return this;
  }

  /** Seconds of silence that end speech input. */
  public Gather speechTimeout(int seconds) {
    this.speechTimeout = Integer.toString(seconds);
    return this;
  }

  /** Lets Twilio decide when the caller has finished speaking ({@code speechTimeout="auto"}). */
  public Gather speechTimeoutAuto() {
    this.speechTimeout = "auto";
    return this;
  }

  /** {@code default}, {@code numbers_and_commands}, {@code phone_call}, {@code experimental_*} … */
  public Gather speechModel(String model) {
    this.speechModel = model;
    return this;
  }

  public Gather enhanced(boolean enhanced) {
    this.enhanced = enhanced;
    return this;
  }

  /** Longest speech input, in seconds. */
  public Gather maxSpeechTime(int seconds) {
    this.maxSpeechTime = seconds;
    return this;
  }

  public Gather debug(boolean debug) {
    this.debug = debug;
    return this;
  }

  public Gather hints(String hints) {
    this.hints = hints;
    return this;
  }

  public Gather language(String language) {
    this.language = language;
    return this;
  }

  public Gather profanityFilter(boolean filter) {
    this.profanityFilter = filter;
    return this;
  }

  public Gather bargeIn(boolean bargeIn) {
    this.bargeIn = bargeIn;
    return this;
  }

  public Gather actionOnEmptyResult(boolean always) {
    this.actionOnEmptyResult = always;
    return this;
  }

  public Gather partialResultCallback(String url) {
    this.partialResultCallback = url;
    return this;
  }

  public Gather partialResultCallbackMethod(String method) {
    this.partialResultCallbackMethod = HttpMethod.of(method);
    return this;
  }
}
