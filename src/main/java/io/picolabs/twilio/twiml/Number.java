package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.List;

/** {@code <Number>}: a phone number for {@code <Dial>} to ring. */
@XmlRootElement(name = "Number")
public class Number extends TwimlElement<Number> {
  @XmlAttribute private String sendDigits;
  @XmlAttribute private String url;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;
  @XmlAttribute @XmlList private List<CallProgress> statusCallbackEvent;
  @XmlAttribute private HttpMethod statusCallbackMethod;
  @XmlAttribute private String byoc;
  @XmlAttribute private String machineDetection;
  @XmlAttribute private Integer machineDetectionTimeout;
  @XmlAttribute private Integer machineDetectionSpeechThreshold;
  @XmlAttribute private Integer machineDetectionSpeechEndThreshold;
  @XmlAttribute private Integer machineDetectionSilenceTimeout;
  @XmlAttribute private String amdStatusCallback;
  @XmlAttribute private HttpMethod amdStatusCallbackMethod;
  @XmlValue private String number;

  Number() {}

  public Number(String number) {
    this.number = number;
  }

  /** DTMF to play once the number answers (an extension). */
  public Number sendDigits(String digits) {
    this.sendDigits = digits;
    return this;
  }

  /** TwiML played to the called party before they are connected. */
  public Number url(String url) {
    this.url = url;
    return this;
  }

  public Number method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Number statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  public Number statusCallbackEvent(CallProgress... events) {
    this.statusCallbackEvent = List.of(events);
    return this;
  }

  public Number statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  /** The SID of a Bring-Your-Own-Carrier trunk to route through. */
  public Number byoc(String trunkSid) {
    this.byoc = trunkSid;
    return this;
  }

  /** {@code Enable} or {@code DetectMessageEnd}: answering-machine detection. */
  public Number machineDetection(String mode) {
    this.machineDetection = mode;
    return this;
  }

  public Number machineDetectionTimeout(int seconds) {
    this.machineDetectionTimeout = seconds;
    return this;
  }

  /** Milliseconds of speech that mean a machine (default 2400). */
  public Number machineDetectionSpeechThreshold(int millis) {
    this.machineDetectionSpeechThreshold = millis;
    return this;
  }

  /** Milliseconds of silence that end a machine's greeting (default 1200). */
  public Number machineDetectionSpeechEndThreshold(int millis) {
    this.machineDetectionSpeechEndThreshold = millis;
    return this;
  }

  /** Milliseconds of initial silence that mean a machine (default 5000). */
  public Number machineDetectionSilenceTimeout(int millis) {
    this.machineDetectionSilenceTimeout = millis;
    return this;
  }

  public Number amdStatusCallback(String url) {
    this.amdStatusCallback = url;
    return this;
  }

  public Number amdStatusCallbackMethod(String method) {
    this.amdStatusCallbackMethod = HttpMethod.of(method);
    return this;
  }
}
