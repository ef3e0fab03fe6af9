package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Body>}: the text of a {@code <Message>} that also carries media. */
@XmlRootElement(name = "Body")
public class Body {
  @XmlValue private String text;

  Body() {}

  Body(String text) {
    this.text = text;
  }
}
