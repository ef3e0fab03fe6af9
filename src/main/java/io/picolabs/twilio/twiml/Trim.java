package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlEnumValue;

/** Whether to trim silence from a recording's ends. */
public enum Trim {
  @XmlEnumValue("trim-silence")
  TRIM_SILENCE,
  @XmlEnumValue("do-not-trim")
  DO_NOT_TRIM
}
