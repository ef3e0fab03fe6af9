package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <Leave/>}: takes the caller out of the queue it waits in, on to the next verb. */
@XmlRootElement(name = "Leave")
public class Leave extends TwimlElement<Leave> {}
