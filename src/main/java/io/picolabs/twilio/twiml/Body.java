package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Body>}: the text of a {@code <Message>} that also carries media. */
@XmlRootElement(name = "Body")
public class Body extends TwimlElement<Body> {
  @XmlValue private String text;

  Body() {}

  public Body(String text) {
    this.text = text;
  }
}
