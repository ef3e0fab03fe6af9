/**
 * The TwiML model: one JAXB-annotated class per verb and noun, marshalled by {@link
 * io.picolabs.twilio.twiml.TwimlWriter} with one shared context.
 *
 * <p>Every {@code String} in the model passes through {@link XmlSafeText} on its way out, so no
 * rule can produce a document that Twilio cannot parse: the adapter below applies to each text and
 * attribute of the package. Booleans are read strictly ({@link StrictBoolean}).
 *
 * <p>The verb classes double as the handles a rule uses for the KRL {@code with} modifiers: {@code
 * twilio.say("Hi").voice("woman").loop(2)}. Attributes left unset are {@code null} and omitted.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlJavaTypeAdapters({
  @XmlJavaTypeAdapter(value = XmlSafeText.class, type = String.class),
  @XmlJavaTypeAdapter(value = StrictBoolean.class, type = Boolean.class)
})
package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapters;
