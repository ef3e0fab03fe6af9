package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Conference>}: a named conference room for {@code <Dial>} to join. */
@XmlRootElement(name = "Conference")
public class Conference {
  @XmlAttribute private Boolean muted;
  @XmlAttribute private String beep;
  @XmlAttribute private Boolean startConferenceOnEnter;
  @XmlAttribute private Boolean endConferenceOnExit;
  @XmlAttribute private String waitUrl;
  @XmlAttribute private HttpMethod waitMethod;
  @XmlAttribute private Integer maxParticipants;
  @XmlAttribute private String record;
  @XmlAttribute private String trim;
  @XmlAttribute private String statusCallback;
  @XmlAttribute private String statusCallbackEvent;
  @XmlAttribute private HttpMethod statusCallbackMethod;
  @XmlValue private String name;

  Conference() {}

  public Conference(String name) {
    this.name = name;
  }

  public Conference muted(boolean muted) {
    this.muted = muted;
    return this;
  }

  /** {@code true}, {@code false}, {@code onEnter} or {@code onExit}. */
  public Conference beep(String beep) {
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

  /** {@code do-not-record} or {@code record-from-start}. */
  public Conference record(String record) {
    this.record = record;
    return this;
  }

  public Conference trim(String trim) {
    this.trim = trim;
    return this;
  }

  public Conference statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  public Conference statusCallbackEvent(String events) {
    this.statusCallbackEvent = events;
    return this;
  }

  public Conference statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }
}
