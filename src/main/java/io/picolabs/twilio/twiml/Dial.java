package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code <Dial>}: connects the caller to another party, given either as a plain number in the body
 * or as nouns ({@code <Number>}, {@code <Conference>} …).
 */
@XmlRootElement(name = "Dial")
public class Dial implements Container {
  private static final Set<String> CHILDREN =
      Set.of("Number", "Conference", "Client", "Queue", "Sip", "Sim", "Application");

  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private Integer timeout;
  @XmlAttribute private Boolean hangupOnStar;
  @XmlAttribute private Integer timeLimit;
  @XmlAttribute private String callerId;
  @XmlAttribute private String record;
  @XmlAttribute private String trim;
  @XmlAttribute private Boolean answerOnBridge;
  @XmlAttribute private String ringTone;
  @XmlAttribute private String recordingStatusCallback;
  @XmlAttribute private HttpMethod recordingStatusCallbackMethod;
  @XmlAttribute private String recordingStatusCallbackEvent;

  // Mixed, because a plain number may stand as text where nouns would otherwise go.
  @XmlMixed
  @XmlElementRefs({@XmlElementRef(type = Number.class), @XmlElementRef(type = Conference.class)})
  @XmlAnyElement
  private final List<Object> children = new ArrayList<>();

  public Dial() {}

  /** A dial whose body is one plain number. */
  public Dial(String number) {
    children.add(XmlSafeText.clean(number));
  }

  @Override
  public List<Object> children() {
    return children;
  }

  @Override
  public boolean accepts(String elementName) {
    return CHILDREN.contains(elementName);
  }

  public Dial action(String url) {
    this.action = url;
    return this;
  }

  public Dial method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  /** Seconds to let the other party ring. */
  public Dial timeout(int seconds) {
    this.timeout = seconds;
    return this;
  }

  public Dial hangupOnStar(boolean hangupOnStar) {
    this.hangupOnStar = hangupOnStar;
    return this;
  }

  /** Longest call, in seconds. */
  public Dial timeLimit(int seconds) {
    this.timeLimit = seconds;
    return this;
  }

  public Dial callerId(String callerId) {
    this.callerId = callerId;
    return this;
  }

  /**
   * {@code do-not-record}, {@code record-from-answer}, {@code record-from-ringing} (+ {@code
   * -dual}).
   */
  public Dial record(String record) {
    this.record = record;
    return this;
  }

  public Dial trim(String trim) {
    this.trim = trim;
    return this;
  }

  public Dial answerOnBridge(boolean answerOnBridge) {
    this.answerOnBridge = answerOnBridge;
    return this;
  }

  /** A country code ({@code us}, {@code de} …) for the ringback tone. */
  public Dial ringTone(String ringTone) {
    this.ringTone = ringTone;
    return this;
  }

  public Dial recordingStatusCallback(String url) {
    this.recordingStatusCallback = url;
    return this;
  }

  public Dial recordingStatusCallbackMethod(String method) {
    this.recordingStatusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  public Dial recordingStatusCallbackEvent(String events) {
    this.recordingStatusCallbackEvent = events;
    return this;
  }
}
