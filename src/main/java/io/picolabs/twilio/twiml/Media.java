package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Media>}: the URL of an image or file sent with a {@code <Message>}. */
@XmlRootElement(name = "Media")
public class Media extends TwimlElement<Media> {
  @XmlValue private String url;

  Media() {}

  public Media(String url) {
    this.url = url;
  }
}
