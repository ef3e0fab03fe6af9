package io.picolabs.twilio.twiml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Marshals a {@link Response} to the compact document Twilio reads.
 *
 * <p>The declaration is written here rather than by JAXB, which would add {@code standalone="yes"};
 * the escaping is {@link TwimlStreamWriter}'s, which keeps tabs and line ends in attribute values.
 */
public final class TwimlWriter {
  /** The XML declaration that starts every document. */
  public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  // A Marshaller is not thread-safe but can be reused; creating one per document costs more than
  // marshalling a typical response.
  private static final ThreadLocal<Marshaller> MARSHALLER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return fragmentMarshaller();
            } catch (JAXBException e) {
              throw new IllegalStateException("no TwiML marshaller", e);
            }
          });

  private TwimlWriter() {}

  /** The whole document, declaration included. */
  public static String write(Response response) {
    StringBuilder out = new StringBuilder(256).append(DECLARATION);
    try {
      MARSHALLER.get().marshal(response, new TwimlStreamWriter(out));
    } catch (JAXBException e) {
      throw new IllegalStateException("TwiML could not be written", e);
    }
    return out.toString();
  }

  /** One model element as DOM. */
  static Element toElement(Object element) {
    try {
      Document document =
          DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
      MARSHALLER.get().marshal(element, document);
      return document.getDocumentElement();
    } catch (JAXBException | ParserConfigurationException e) {
      throw new IllegalStateException("TwiML could not be built", e);
    }
  }

  /** The document as DOM, for callers that want to walk it rather than send it. */
  public static Document toDocument(Response response) {
    try {
      Document document =
          DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
      MARSHALLER.get().marshal(response, document);
      return document;
    } catch (JAXBException | ParserConfigurationException e) {
      throw new IllegalStateException("TwiML could not be built", e);
    }
  }

  private static Marshaller fragmentMarshaller() throws JAXBException {
    Marshaller marshaller = TwimlContext.CONTEXT.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
    marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
    return marshaller;
  }
}
