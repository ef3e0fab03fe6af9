package io.picolabs.twilio.twiml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;

/**
 * Marshals a {@link Response} to the compact document Twilio reads.
 *
 * <p>The {@link JAXBContext} is built once: it is thread-safe and by far the most expensive part.
 * The declaration is written here rather than by JAXB, which would add {@code standalone="yes"}.
 */
public final class TwimlWriter {
  /** The XML declaration that starts every document. */
  public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private static final JAXBContext CONTEXT = createContext();

  private TwimlWriter() {}

  /** The whole document, declaration included. */
  public static String write(Response response) {
    StringWriter out = new StringWriter(256).append(DECLARATION);
    try {
      fragmentMarshaller().marshal(response, out);
    } catch (JAXBException e) {
      throw new IllegalStateException("TwiML could not be written", e);
    }
    return out.toString();
  }

  /** The document as DOM, for callers that want to walk it rather than send it. */
  public static Document toDocument(Response response) {
    try {
      Document document =
          DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
      fragmentMarshaller().marshal(response, document);
      return document;
    } catch (JAXBException | ParserConfigurationException e) {
      throw new IllegalStateException("TwiML could not be built", e);
    }
  }

  private static Marshaller fragmentMarshaller() throws JAXBException {
    Marshaller marshaller = CONTEXT.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
    marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
    return marshaller;
  }

  private static JAXBContext createContext() {
    try {
      return JAXBContext.newInstance(Response.class);
    } catch (JAXBException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
