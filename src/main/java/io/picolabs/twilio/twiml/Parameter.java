package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Parameter name value/>}: a custom parameter passed to a Client or a Stream. */
@XmlRootElement(name = "Parameter")
public class Parameter extends TwimlElement<Parameter> {
  @XmlAttribute private String name;
  @XmlAttribute private String value;

  Parameter() {}

  public Parameter(String name, String value) {
    this.name = name;
    this.value = value;
  }
}
