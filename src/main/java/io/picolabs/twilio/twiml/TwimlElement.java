package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * What every TwiML element shares: an escape hatch for an attribute Twilio adds tomorrow, before
 * this model knows it. {@code T} is the element's own class, so that modifiers chain.
 */
@XmlTransient
public abstract class TwimlElement<T extends TwimlElement<T>> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  // The attributes each class models, which the escape hatch must not write a second time.
  private static final ClassValue<Set<String>> MODELLED =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          Set<String> names = new HashSet<>();
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
              if (attribute != null) {
                names.add(
                    attribute.name().equals("##default") ? field.getName() : attribute.name());
              }
            }
          }
          return Set.copyOf(names);
        }
      };

  // Created here, not by JAXB, so that reading keeps the attributes' order.
  @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();

  /**
   * Sets attribute {@code name} (an XML name without prefix) to {@code value}, for an attribute
   * this model does not know yet. Attributes it models have their own methods and are refused here,
   * as are {@code xml…} names, which XML reserves (an {@code xmlns} would move the element out of
   * TwiML).
   */
  public T attribute(String name, String value) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an XML attribute name: " + name);
    }
    if (name.toLowerCase(Locale.ROOT).startsWith("xml")) {
      throw new IllegalArgumentException("attribute names starting with xml are reserved: " + name);
    }
    if (MODELLED.get(getClass()).contains(name)) {
      throw new IllegalArgumentException(
          name + " is an attribute of <" + getClass().getSimpleName() + "> with its own method");
    }
    otherAttributes.put(new QName(name), XmlSafeText.clean(value));
    return self();
  }

  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }
}
