package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlEnumValue;

/** The progress of a dialled leg that Twilio can report to a status callback. */
public enum CallProgress {
  @XmlEnumValue("initiated")
  INITIATED,
  @XmlEnumValue("ringing")
  RINGING,
  @XmlEnumValue("answered")
  ANSWERED,
  @XmlEnumValue("completed")
  COMPLETED
}
