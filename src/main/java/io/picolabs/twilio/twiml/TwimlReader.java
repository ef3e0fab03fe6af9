package io.picolabs.twilio.twiml;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Element;

/**
 * Reads TwiML back into the model: a whole document ({@link #read}) or one element ({@link
 * #element}). Elements the model does not know stay DOM elements, so nothing is lost. DTDs and
 * external entities are refused: TwiML needs neither, and they are how XML parsers get attacked.
 */
public final class TwimlReader {
  private static final XMLInputFactory INPUT = createInputFactory();

  private TwimlReader() {}

  /** The {@code <Response>} in {@code xml}; {@link IllegalArgumentException} if it is not TwiML. */
  public static Response read(String xml) {
    try {
      XMLStreamReader reader;
      synchronized (INPUT) { // factories are not promised to be thread-safe
        reader = INPUT.createXMLStreamReader(new StringReader(xml));
      }
      try {
        Object root = unwrap(unmarshaller().unmarshal(reader));
        if (root instanceof Response response) {
          return response;
        }
        throw new IllegalArgumentException("TwiML must have <Response> as its root element");
      } finally {
        reader.close();
      }
    } catch (UnmarshalException e) {
      throw new IllegalArgumentException("not TwiML: " + message(e), e);
    } catch (JAXBException | XMLStreamException e) {
      throw new IllegalArgumentException("TwiML could not be read: " + e.getMessage(), e);
    }
  }

  /** The model object for {@code element}, or the element itself where the model has no class. */
  public static Object element(Element element) {
    try {
      return unwrap(unmarshaller().unmarshal(element));
    } catch (UnmarshalException e) {
      return element;
    } catch (JAXBException e) {
      throw new IllegalStateException("TwiML could not be read", e);
    }
  }

  private static Object unwrap(Object unmarshalled) {
    return unmarshalled instanceof JAXBElement<?> element ? element.getValue() : unmarshalled;
  }

  private static Unmarshaller unmarshaller() throws JAXBException {
    return TwimlContext.CONTEXT.createUnmarshaller();
  }

  private static String message(UnmarshalException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
    return cause != null && cause.getMessage() != null
        ? cause.getMessage()
        : String.valueOf(e.getMessage());
  }

  private static XMLInputFactory createInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
