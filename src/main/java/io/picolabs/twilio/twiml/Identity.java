package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Identity>}: the client to ring, when {@code <Client>} also carries parameters. */
@XmlRootElement(name = "Identity")
public class Identity extends TwimlElement<Identity> {
  @XmlValue private String identity;

  Identity() {}

  public Identity(String identity) {
    this.identity = identity;
  }
}
