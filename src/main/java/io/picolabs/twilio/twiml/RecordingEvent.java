package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlEnumValue;

/** The recording states Twilio can report to a recording status callback. */
public enum RecordingEvent {
  @XmlEnumValue("in-progress")
  IN_PROGRESS,
  @XmlEnumValue("completed")
  COMPLETED,
  @XmlEnumValue("absent")
  ABSENT
}
