package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.List;

/** {@code <Sip>}: a SIP endpoint for {@code <Dial>} to call. */
@XmlRootElement(name = "Sip")
public class Sip extends TwimlElement<Sip> {
  @XmlAttribute private String username;
  @XmlAttribute private String password;
  @XmlAttribute private String url;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;
  @XmlAttribute @XmlList private List<CallProgress> statusCallbackEvent;
  @XmlAttribute private HttpMethod statusCallbackMethod;
  @XmlAttribute private String machineDetection;
  @XmlAttribute private Integer machineDetectionTimeout;
  @XmlAttribute private Integer machineDetectionSpeechThreshold;
  @XmlAttribute private Integer machineDetectionSpeechEndThreshold;
  @XmlAttribute private Integer machineDetectionSilenceTimeout;
  @XmlAttribute private String amdStatusCallback;
  @XmlAttribute private HttpMethod amdStatusCallbackMethod;
  @XmlValue private String uri;

  Sip() {}

  public Sip(String uri) {
    this.uri = uri;
  }

  public Sip username(String username) {
    this.username = username;
    return this;
  }

  public Sip password(String password) {
    this.password = password;
    return this;
  }

  public Sip url(String url) {
    this.url = url;
    return this;
  }

  public Sip method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Sip statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  public Sip statusCallbackEvent(CallProgress... events) {
    this.statusCallbackEvent = List.of(events);
    return this;
  }

  public Sip statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  /** {@code Enable} or {@code DetectMessageEnd}: answering-machine detection. */
  public Sip machineDetection(String mode) {
    this.machineDetection = mode;
    return this;
  }

  public Sip machineDetectionTimeout(int seconds) {
    this.machineDetectionTimeout = seconds;
    return this;
  }

  /** Milliseconds of speech that mean a machine (default 2400). */
  public Sip machineDetectionSpeechThreshold(int millis) {
    this.machineDetectionSpeechThreshold = millis;
    return this;
  }

  /** Milliseconds of silence that end a machine's greeting (default 1200). */
  public Sip machineDetectionSpeechEndThreshold(int millis) {
    this.machineDetectionSpeechEndThreshold = millis;
    return this;
  }

  /** Milliseconds of initial silence that mean a machine (default 5000). */
  public Sip machineDetectionSilenceTimeout(int millis) {
    this.machineDetectionSilenceTimeout = millis;
    return this;
  }

  public Sip amdStatusCallback(String url) {
    this.amdStatusCallback = url;
    return this;
  }

  public Sip amdStatusCallbackMethod(String method) {
    this.amdStatusCallbackMethod = HttpMethod.of(method);
    return this;
  }
}
