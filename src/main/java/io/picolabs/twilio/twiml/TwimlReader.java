package io.picolabs.twilio.twiml;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Reads TwiML back into the model: a whole document ({@link #read}) or one element ({@link
 * #element}).
 *
 * <p>Reading loses nothing. An element the model does not know, or one with a value the model
 * cannot type ({@code method="get"}, a {@code record} mode Twilio adds tomorrow, {@code
 * loop="forever"}), stays a DOM element and is written back exactly as it came, rather than being
 * read with the odd value silently dropped. DTDs and external entities are refused: TwiML needs
 * neither, and they are how XML parsers get attacked.
 */
public final class TwimlReader {
  private static final XMLInputFactory INPUT = createInputFactory();

  private TwimlReader() {}

  /** The {@code <Response>} in {@code xml}; {@link IllegalArgumentException} if it is not TwiML. */
  public static Response read(String xml) {
    Element root = RawTwiml.document(xml);
    // Streamed first, which keeps attributes in document order (a DOM sorts them), and taken when
    // the model held all of it.
    Response streamed = readStrictly(xml);
    if (streamed != null && SameXml.same(root, TwimlWriter.toElement(streamed))) {
      return streamed;
    }
    return readLeniently(root);
  }

  private static Response readStrictly(String xml) {
    try {
      XMLStreamReader reader;
      synchronized (INPUT) { // factories are not promised to be thread-safe
        reader = INPUT.createXMLStreamReader(new StringReader(xml));
      }
      try {
        return unmarshal(reader) instanceof Response response ? response : null;
      } finally {
        reader.close();
      }
    } catch (JAXBException | XMLStreamException | RuntimeException e) {
      return null; // the lenient reading says what is wrong, or keeps what the model cannot hold
    }
  }

  /** Element by element, each the model cannot hold kept as DOM. */
  private static Response readLeniently(Element root) {
    if (!root.getTagName().equals("Response")) {
      throw new IllegalArgumentException(
          "TwiML must have <Response> as its root element, not <" + root.getTagName() + ">");
    }
    Response response = new Response();
    NamedNodeMap attributes = root.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (!attribute.getName().startsWith("xml")) {
        response.attribute(attribute.getName(), attribute.getValue());
      }
    }
    List<Element> verbs = RawTwiml.elementsOf(root);
    verbs.forEach(verb -> response.children().add(element(verb)));
    return response;
  }

  /** The model object for {@code element}, or the element itself where the model cannot hold it. */
  public static Object element(Element element) {
    try {
      Object read = strictUnmarshaller().unmarshal(element);
      Object model = read instanceof JAXBElement<?> wrapped ? wrapped.getValue() : read;
      // JAXB drops an enum value it does not know without a word; keep such elements as DOM.
      return SameXml.same(element, TwimlWriter.toElement(model)) ? model : element;
    } catch (JAXBException | RuntimeException e) {
      return element;
    }
  }

  private static Object unmarshal(XMLStreamReader reader) throws JAXBException {
    Object read = strictUnmarshaller().unmarshal(reader);
    return read instanceof JAXBElement<?> wrapped ? wrapped.getValue() : read;
  }

  private static Unmarshaller strictUnmarshaller() throws JAXBException {
    Unmarshaller unmarshaller = TwimlContext.CONTEXT.createUnmarshaller();
    unmarshaller.setEventHandler(event -> false); // a value it cannot read is an error, not a gap
    return unmarshaller;
  }

  private static XMLInputFactory createInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
