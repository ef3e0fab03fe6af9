package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.List;

/** {@code <Conference>}: a named conference room for {@code <Dial>} to join. */
@XmlRootElement(name = "Conference")
public class Conference extends TwimlElement<Conference> {

  /** When the room beeps. */
  public enum Beep {
    @XmlEnumValue("true")
    TRUE,
    @XmlEnumValue("false")
    FALSE,
    @XmlEnumValue("onEnter")
    ON_ENTER,
    @XmlEnumValue("onExit")
    ON_EXIT
  }

  /** Whether to record the conference. */
  @XmlType(name = "conferenceRecording")
  public enum Recording {
    @XmlEnumValue("do-not-record")
    DO_NOT_RECORD,
    @XmlEnumValue("record-from-start")
    RECORD_FROM_START
  }

  /** What the conference reports to its status callback. */
  public enum Event {
    @XmlEnumValue("start")
    START,
    @XmlEnumValue("end")
    END,
    @XmlEnumValue("join")
    JOIN,
    @XmlEnumValue("leave")
    LEAVE,
    @XmlEnumValue("mute")
    MUTE,
    @XmlEnumValue("hold")
    HOLD,
    @XmlEnumValue("modify")
    MODIFY,
    @XmlEnumValue("speaker")
    SPEAKER,
    @XmlEnumValue("announcement")
    ANNOUNCEMENT
  }

  @XmlAttribute private Boolean muted;
  @XmlAttribute private Beep beep;
  @XmlAttribute private Boolean startConferenceOnEnter;
  @XmlAttribute private Boolean endConferenceOnExit;
  @XmlAttribute private String waitUrl;
  @XmlAttribute private HttpMethod waitMethod;
  @XmlAttribute private Integer maxParticipants;
  @XmlAttribute private Recording record;
  @XmlAttribute private String region;
  @XmlAttribute private String coach;
  @XmlAttribute private Trim trim;
  @XmlAttribute private String statusCallback;
  @XmlAttribute @XmlList private List<Event> statusCallbackEvent;
  @XmlAttribute private HttpMethod statusCallbackMethod;
  @XmlAttribute private String recordingStatusCallback;
  @XmlAttribute private HttpMethod recordingStatusCallbackMethod;
  @XmlAttribute @XmlList private List<RecordingEvent> recordingStatusCallbackEvent;
  @XmlAttribute private String eventCallbackUrl;
  @XmlAttribute private String jitterBufferSize;
  @XmlAttribute private String participantLabel;
  @XmlValue private String name;

  Conference() {}

  public Conference(String name) {
    this.name = name;
  }

  public Conference muted(boolean muted) {
    this.muted = muted;
    return this;
  }

  public Conference beep(Beep beep) {
    this.beep = beep;
    return this;
  }

  public Conference startConferenceOnEnter(boolean start) {
    this.startConferenceOnEnter = start;
    return this;
  }

  public Conference endConferenceOnExit(boolean end) {
    this.endConferenceOnExit = end;
    return this;
  }

  public Conference waitUrl(String url) {
    this.waitUrl = url;
    return this;
  }

  public Conference waitMethod(String method) {
    this.waitMethod = HttpMethod.of(method);
    return this;
  }

  public Conference maxParticipants(int max) {
    this.maxParticipants = max;
    return this;
  }

  public Conference record(Recording record) {
    this.record = record;
    return this;
  }

  /** {@code us1}, {@code ie1}, {@code de1}, {@code sg1}, {@code br1}, {@code au1}, {@code jp1} … */
  public Conference region(String region) {
    this.region = region;
    return this;
  }

  /** The call SID of the participant this one coaches. */
  public Conference coach(String callSid) {
    this.coach = callSid;
    return this;
  }

  public Conference trim(Trim trim) {
    this.trim = trim;
    return this;
  }

  public Conference statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  public Conference statusCallbackEvent(Event... events) {
    this.statusCallbackEvent = List.of(events);
    return this;
  }

  public Conference statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  public Conference recordingStatusCallback(String url) {
    this.recordingStatusCallback = url;
    return this;
  }

  public Conference recordingStatusCallbackMethod(String method) {
    this.recordingStatusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  public Conference recordingStatusCallbackEvent(RecordingEvent... events) {
    this.recordingStatusCallbackEvent = List.of(events);
    return this;
  }

  public Conference eventCallbackUrl(String url) {
    this.eventCallbackUrl = url;
    return this;
  }

  /** {@code large}, {@code medium}, {@code small} or {@code off}. */
  public Conference jitterBufferSize(String size) {
    this.jitterBufferSize = size;
    return this;
  }

  public Conference participantLabel(String label) {
    this.participantLabel = label;
    return this;
  }
}
