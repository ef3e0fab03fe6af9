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
}
