package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Record>}: records the caller; Twilio posts RecordingUrl to the action. */
@XmlRootElement(name = "Record")
public class Record {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private Integer timeout;
  @XmlAttribute private String finishOnKey;
  @XmlAttribute private Integer maxLength;
  @XmlAttribute private Boolean playBeep;
  @XmlAttribute private String trim;
  @XmlAttribute private Boolean transcribe;
  @XmlAttribute private String transcribeCallback;
  @XmlAttribute private String recordingStatusCallback;
  @XmlAttribute private HttpMethod recordingStatusCallbackMethod;
  @XmlAttribute private String recordingStatusCallbackEvent;

  public Record() {}

  public Record action(String url) {
    this.action = url;
    return this;
  }

  public Record method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  /** Seconds of silence that end the recording. */
  public Record timeout(int seconds) {
    this.timeout = seconds;
    return this;
  }

  public Record finishOnKey(String keys) {
    this.finishOnKey = keys;
    return this;
  }

  /** Longest recording, in seconds. */
  public Record maxLength(int seconds) {
    this.maxLength = seconds;
    return this;
  }

  public Record playBeep(boolean beep) {
    this.playBeep = beep;
    return this;
  }

  /** {@code trim-silence} or {@code do-not-trim}. */
  public Record trim(String trim) {
    this.trim = trim;
    return this;
  }

  public Record transcribe(boolean transcribe) {
    this.transcribe = transcribe;
    return this;
  }

  public Record transcribeCallback(String url) {
    this.transcribeCallback = url;
    return this;
  }

  public Record recordingStatusCallback(String url) {
    this.recordingStatusCallback = url;
    return this;
  }

  public Record recordingStatusCallbackMethod(String method) {
    this.recordingStatusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  /** Space-separated: {@code in-progress completed absent}. */
  public Record recordingStatusCallbackEvent(String events) {
    this.recordingStatusCallbackEvent = events;
    return this;
  }
}
