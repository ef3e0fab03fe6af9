package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Set;

/**
 * {@code <Dial>}: connects the caller to another party, given either as a plain number in the body
 * or as nouns ({@code <Number>}, {@code <Client>}, {@code <Conference>}, {@code <Queue>}, {@code
 * <Sip>}).
 */
@XmlRootElement(name = "Dial")
public class Dial extends TwimlElement<Dial> implements Container {
  private static final Set<String> CHILDREN =
      Set.of("Number", "Conference", "Client", "Queue", "Sip", "Sim", "Application");

  /** Whether and from when to record the call. */
  @XmlType(name = "dialRecording")
  public enum Recording {
    @XmlEnumValue("do-not-record")
    DO_NOT_RECORD,
    @XmlEnumValue("record-from-answer")
    RECORD_FROM_ANSWER,
    @XmlEnumValue("record-from-ringing")
    RECORD_FROM_RINGING,
    @XmlEnumValue("record-from-answer-dual")
    RECORD_FROM_ANSWER_DUAL,
    @XmlEnumValue("record-from-ringing-dual")
    RECORD_FROM_RINGING_DUAL
  }

  /** Which audio of the call to record. */
  public enum RecordingTrack {
    @XmlEnumValue("both")
    BOTH,
    @XmlEnumValue("inbound")
    INBOUND,
    @XmlEnumValue("outbound")
    OUTBOUND
  }

  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private Integer timeout;
  @XmlAttribute private Boolean hangupOnStar;
  @XmlAttribute private Integer timeLimit;
  @XmlAttribute private String callerId;
  @XmlAttribute private Recording record;
  @XmlAttribute private Trim trim;
  @XmlAttribute private Boolean answerOnBridge;
  @XmlAttribute private String ringTone;
  @XmlAttribute private RecordingTrack recordingTrack;
  @XmlAttribute private Boolean sequential;
  @XmlAttribute private String referUrl;
  @XmlAttribute private HttpMethod referMethod;
  @XmlAttribute private String events;
  @XmlAttribute private String recordingStatusCallback;
  @XmlAttribute private HttpMethod recordingStatusCallbackMethod;
  @XmlAttribute @XmlList private List<RecordingEvent> recordingStatusCallbackEvent;

  // Mixed, because a plain number may stand as text where nouns would otherwise go.
  @XmlMixed
  @XmlElementRefs({
    @XmlElementRef(type = Number.class),
    @XmlElementRef(type = Client.class),
    @XmlElementRef(type = Conference.class),
    @XmlElementRef(type = Queue.class),
    @XmlElementRef(type = Sip.class)
  })
  @XmlAnyElement(lax = true)
  private final List<Object> children = new MixedContent();

  public Dial() {}

  /** A dial whose body is one plain number. */
  public Dial(String number) {
    children.add(number);
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

  public Dial record(Recording record) {
    this.record = record;
    return this;
  }

  public Dial trim(Trim trim) {
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

  public Dial recordingTrack(RecordingTrack track) {
    this.recordingTrack = track;
    return this;
  }

  /** Ring the nouns one after another instead of all at once. */
  public Dial sequential(boolean sequential) {
    this.sequential = sequential;
    return this;
  }

  /** Where Twilio asks what to do when the called party transfers (SIP REFER). */
  public Dial referUrl(String url) {
    this.referUrl = url;
    return this;
  }

  public Dial referMethod(String method) {
    this.referMethod = HttpMethod.of(method);
    return this;
  }

  /** {@code call-progress-event}: report the dialled call's progress to the action URL as well. */
  public Dial events(String events) {
    this.events = events;
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

  public Dial recordingStatusCallbackEvent(RecordingEvent... events) {
    this.recordingStatusCallbackEvent = List.of(events);
    return this;
  }
}
