package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Hangup/>}: ends the call. */
@XmlRootElement(name = "Hangup")
public class Hangup extends TwimlElement<Hangup> {}
