package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * What every TwiML element shares: an escape hatch for an attribute Twilio adds tomorrow, before
 * this model knows it. {@code T} is the element's own class, so that modifiers chain.
 */
@XmlTransient
public abstract class TwimlElement<T extends TwimlElement<T>> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  @XmlAnyAttribute private Map<QName, String> otherAttributes;

  /** Sets attribute {@code name} (an XML name without prefix) to {@code value}. */
  public T attribute(String name, String value) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an XML attribute name: " + name);
    }
    if (otherAttributes == null) {
      otherAttributes = new LinkedHashMap<>();
    }
    otherAttributes.put(new QName(name), XmlSafeText.clean(value));
    return self();
  }

  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }
}
