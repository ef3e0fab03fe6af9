package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/** {@code <Record>}: records the caller; Twilio posts RecordingUrl to the action. */
@XmlRootElement(name = "Record")
public class Record extends TwimlElement<Record> {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private Integer timeout;
  @XmlAttribute private String finishOnKey;
  @XmlAttribute private Integer maxLength;
  @XmlAttribute private Boolean playBeep;
  @XmlAttribute private Trim trim;
  @XmlAttribute private Boolean transcribe;
  @XmlAttribute private String transcribeCallback;
  @XmlAttribute private String recordingStatusCallback;
  @XmlAttribute private HttpMethod recordingStatusCallbackMethod;
  @XmlAttribute @XmlList private List<RecordingEvent> recordingStatusCallbackEvent;

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

  public Record trim(Trim trim) {
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

  public Record recordingStatusCallbackEvent(RecordingEvent... events) {
    this.recordingStatusCallbackEvent = List.of(events);
    return this;
  }
}
