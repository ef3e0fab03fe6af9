package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.Locale;

/** {@code <Reject>}: refuses the call without answering it (only as the first verb). */
@XmlRootElement(name = "Reject")
public class Reject {
  @XmlAttribute private String reason;

  public Reject() {}

  /** {@code rejected} (the default) or {@code busy}. */
  public Reject reason(String reason) {
    String normalized = reason.trim().toLowerCase(Locale.ROOT);
    if (!normalized.equals("rejected") && !normalized.equals("busy")) {
      throw new IllegalArgumentException("reject reason must be rejected or busy, not " + reason);
    }
    this.reason = normalized;
    return this;
  }
}
