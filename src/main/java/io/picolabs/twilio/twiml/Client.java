package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/**
 * {@code <Client>}: a Voice SDK client for {@code <Dial>} to ring. The identity is the body; once a
 * {@code <Parameter>} is added it moves into {@code <Identity>}, as Twilio documents.
 */
@XmlRootElement(name = "Client")
public class Client extends TwimlElement<Client> {
  @XmlAttribute private String url;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String statusCallback;
  @XmlAttribute @XmlList private List<CallProgress> statusCallbackEvent;
  @XmlAttribute private HttpMethod statusCallbackMethod;

  @XmlMixed
  @XmlElementRefs({@XmlElementRef(type = Identity.class), @XmlElementRef(type = Parameter.class)})
  @XmlAnyElement(lax = true)
  private final List<Object> content = new MixedContent();

  Client() {}

  public Client(String identity) {
    content.add(identity);
  }

  /** Adds a custom parameter, handed to the client with the call. */
  public Client parameter(String name, String value) {
    for (int i = 0; i < content.size(); i++) {
      if (content.get(i) instanceof String identity) {
        content.set(i, new Identity(identity));
      }
    }
    content.add(new Parameter(name, value));
    return this;
  }

  public Client url(String url) {
    this.url = url;
    return this;
  }

  public Client method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  public Client statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  public Client statusCallbackEvent(CallProgress... events) {
    this.statusCallbackEvent = List.of(events);
    return this;
  }

  public Client statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }
}
