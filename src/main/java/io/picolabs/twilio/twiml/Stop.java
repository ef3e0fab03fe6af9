package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Stop>}: ends a stream started earlier (named by its {@code name}). */
@XmlRootElement(name = "Stop")
public class Stop extends StreamVerb<Stop> {
  public Stop() {}

  /** A {@code <Stop>} holding {@code stream}. */
  public Stop(Stream stream) {
    super(stream);
  }
}
