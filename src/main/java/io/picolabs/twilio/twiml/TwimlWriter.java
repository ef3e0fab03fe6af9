package io.picolabs.twilio.twiml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
  // marshalling a typical response. Idle ones wait in a pool of this class's own, not in
  // ThreadLocals of the server's pooled threads, which would keep the application's classes
  // reachable after an undeploy.
  private static final Queue<Marshaller> IDLE = new ConcurrentLinkedQueue<>();
  private static final int MOST_IDLE = 64;

  private TwimlWriter() {}

  /** The whole document, declaration included. */
  public static String write(Response response) {
    StringBuilder out = new StringBuilder(256).append(DECLARATION);
    try {
      marshal(marshaller -> marshaller.marshal(response, new TwimlStreamWriter(out)));
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
      marshal(marshaller -> marshaller.marshal(element, document));
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
      marshal(marshaller -> marshaller.marshal(response, document));
      return document;
    } catch (JAXBException | ParserConfigurationException e) {
      throw new IllegalStateException("TwiML could not be built", e);
    }
  }

  /** Marshalling with a marshaller of the caller's own for its duration. */
  private interface Marshalling {
    void with(Marshaller marshaller) throws JAXBException;
  }

  private static void marshal(Marshalling work) throws JAXBException {
    Marshaller marshaller = IDLE.poll();
    if (marshaller == null) {
      marshaller = fragmentMarshaller();
    }
    work.with(marshaller); // one that failed is not given back
    if (IDLE.size() < MOST_IDLE) { // approximate, and that is enough for a bound
      IDLE.offer(marshaller);
    }
  }

  private static Marshaller fragmentMarshaller() throws JAXBException {
    Marshaller marshaller = TwimlContext.CONTEXT.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
    marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
    return marshaller;
  }
}
