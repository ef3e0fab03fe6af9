package io.picolabs.twilio.twiml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses the XML a rule hands to {@code raw} (KRL's {@code raw-response}) into elements that can
 * join the response: model objects where the model knows the element, DOM elements otherwise.
 *
 * <p>Either a whole {@code <Response>…</Response>} (its verbs are taken) or a sequence of verbs.
 * Content that is not well-formed is refused here, in the rule that wrote it, instead of reaching
 * Twilio as error 12100 in the middle of a call. DTDs are refused outright: raw content may carry
 * text from callers, and entity expansion is not something a TwiML fragment needs.
 */
public final class RawTwiml {
  private static final DocumentBuilderFactory FACTORY = createFactory();

  private RawTwiml() {}

  /** The top-level elements of {@code xml}, in order, read into the model where it can. */
  public static List<Object> parse(String xml) {
    List<Object> verbs = new ArrayList<>();
    for (Element element : elements(xml)) {
      verbs.add(TwimlReader.element(element));
    }
    return verbs;
  }

  /** The top-level elements of {@code xml}, in order, as DOM. */
  static List<Element> elements(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new IllegalArgumentException("raw TwiML is empty");
    }
    String body = xml.strip();
    if (body.startsWith("<?xml")) {
      int end = body.indexOf("?>");
      body = end < 0 ? body : body.substring(end + 2);
    }
    Element root = parse("<raw>" + body + "</raw>", 5, "raw TwiML");
    List<Element> elements = elementsOf(root);
    if (elements.size() == 1 && elements.get(0).getTagName().equals("Response")) {
      return elementsOf(elements.get(0));
    }
    return elements;
  }

  /** The root element of the document {@code xml}. */
  static Element document(String xml) {
    return parse(xml, 0, "TwiML");
  }

  /** {@code columnShift}: characters the caller put before the text, not to be counted. */
  private static Element parse(String xml, int columnShift, String what) {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) { // factories are not promised to be thread-safe
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(new DefaultHandler()); // report by exception, not on stderr
      Document document = builder.parse(new InputSource(new StringReader(xml)));
      return document.getDocumentElement();
    } catch (SAXParseException e) {
      throw new IllegalArgumentException(
          what
              + " is not well-formed XML at column "
              + Math.max(0, e.getColumnNumber() - columnShift)
              + " of line "
              + e.getLineNumber()
              + ": "
              + e.getMessage());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new IllegalArgumentException(what + " could not be read: " + e.getMessage());
    }
  }

  /** The child elements of {@code parent}; text between them must be blank. */
  static List<Element> elementsOf(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      switch (node.getNodeType()) {
        case Node.ELEMENT_NODE -> elements.add((Element) node);
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
          if (!node.getNodeValue().isBlank()) {
            throw new IllegalArgumentException(
                "TwiML has text outside any verb: \"" + node.getNodeValue().strip() + "\"");
          }
        }
        default -> {
          // comments and processing instructions carry nothing Twilio reads
        }
      }
    }
    return elements;
  }

  private static DocumentBuilderFactory createFactory() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      return factory;
    } catch (ParserConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
