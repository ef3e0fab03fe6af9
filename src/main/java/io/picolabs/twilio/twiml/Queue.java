package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Queue>}: connects the caller to the first caller waiting in a queue. */
@XmlRootElement(name = "Queue")
public class Queue extends TwimlElement<Queue> {
  @XmlAttribute private String url;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String reservationSid;
  @XmlAttribute private String postWorkActivitySid;
  @XmlValue private String name;

  Queue() {}

  public Queue(String name) {
    this.name = name;
  }

  /** TwiML played to the dequeued caller before they are connected. */
  public Queue url(String url) {
    this.url = url;
    return this;
  }

  public Queue method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Queue reservationSid(String sid) {
    this.reservationSid = sid;
    return this;
  }

  public Queue postWorkActivitySid(String sid) {
    this.postWorkActivitySid = sid;
    return this;
  }
}
