package io.picolabs.twilio.twiml;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Compares two XML documents as documents rather than as strings: the same elements in the same
 * order, the same attributes (in any order) and the same text in each place.
 *
 * <p>Text between two elements (or before the first, or after the last) is one run, however many
 * text and CDATA nodes make it up. A run that is whitespace only on both sides is layout and is
 * ignored; anywhere else whitespace counts. A difference fails with its path, such as {@code
 * /Response/Dial[1]/Number[2]@statusCallbackEvent}, and both values.
 */
final class XmlEquivalence {
  private static final DocumentBuilderFactory FACTORY = createFactory();
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(XmlEquivalence::newBuilder);

  private XmlEquivalence() {}

  /** Fails unless {@code expected} and {@code actual} are equivalent documents. */
  static void assertEquivalent(String expected, String actual) {
    difference(expected, actual)
        .ifPresent(
            d ->
                fail(
                    d + "\n  expected document: " + expected + "\n  actual document:   " + actual));
  }

  /** The first difference between the two documents, or empty if they are equivalent. */
  static Optional<String> difference(String expected, String actual) {
    Element e = parse(expected).getDocumentElement();
    Element a = parse(actual).getDocumentElement();
    if (!e.getNodeName().equals(a.getNodeName())) {
      return Optional.of(
          "root element differs: expected <"
              + e.getNodeName()
              + "> but was <"
              + a.getNodeName()
              + ">");
    }
    return compare(e, a, "/" + e.getNodeName());
  }

  /**
   * Parses {@code xml} with DTDs refused; fails the test (rather than throwing) if it is not
   * well-formed.
   */
  static Document parse(String xml) {
    DocumentBuilder builder = BUILDER.get();
    builder.reset();
    builder.setErrorHandler(QUIET);
    try {
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      return fail("not well-formed XML (" + e.getMessage() + "): " + xml);
    }
  }

  private static Optional<String> compare(Element expected, Element actual, String path) {
    Optional<String> attributes = compareAttributes(expected, actual, path);
    if (attributes.isPresent()) {
      return attributes;
    }
    Content e = Content.of(expected);
    Content a = Content.of(actual);
    List<String> expectedNames = e.elementNames();
    List<String> actualNames = a.elementNames();
    if (!expectedNames.equals(actualNames)) {
      return Optional.of(
          "child elements differ at "
              + path
              + ": expected "
              + expectedNames
              + " but was "
              + actualNames);
    }
    for (int i = 0; i < e.texts.size(); i++) {
      String et = e.texts.get(i);
      String at = a.texts.get(i);
      if (!(et.isBlank() && at.isBlank()) && !et.equals(at)) {
        return Optional.of(
            "text differs at "
                + path
                + "/text()["
                + (i + 1)
                + "]: expected \""
                + visible(et)
                + "\" but was \""
                + visible(at)
                + "\"");
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < e.elements.size(); i++) {
      Element child = e.elements.get(i);
      int index = seen.merge(child.getNodeName(), 1, Integer::sum);
      Optional<String> difference =
          compare(child, a.elements.get(i), path + "/" + child.getNodeName() + "[" + index + "]");
      if (difference.isPresent()) {
        return difference;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> compareAttributes(Element expected, Element actual, String path) {
    Map<String, String> e = attributes(expected);
    Map<String, String> a = attributes(actual);
    TreeSet<String> names = new TreeSet<>(e.keySet());
    names.addAll(a.keySet());
    for (String name : names) {
      String ev = e.get(name);
      String av = a.get(name);
      if (ev == null || !ev.equals(av)) {
        return Optional.of(
            "attribute differs at "
                + path
                + "@"
                + name
                + ": expected "
                + (ev == null ? "no attribute" : "\"" + visible(ev) + "\"")
                + " but was "
                + (av == null ? "no attribute" : "\"" + visible(av) + "\""));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> attributes(Element element) {
    NamedNodeMap map = element.getAttributes();
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < map.getLength(); i++) {
      Node attribute = map.item(i);
      attributes.put(attribute.getNodeName(), attribute.getNodeValue());
    }
    return attributes;
  }

  /** The child elements of one element, and the n + 1 runs of text around its n elements. */
  private record Content(List<Element> elements, List<String> texts) {
    static Content of(Element parent) {
      List<Element> elements = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      StringBuilder run = new StringBuilder();
      for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
        switch (node.getNodeType()) {
          case Node.ELEMENT_NODE -> {
            texts.add(run.toString());
            run.setLength(0);
            elements.add((Element) node);
          }
          case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> run.append(node.getNodeValue());
          default -> {
            // comments and processing instructions are not TwiML
          }
        }
      }
      texts.add(run.toString());
      return new Content(elements, texts);
    }

    List<String> elementNames() {
      return elements.stream().map(Element::getNodeName).toList();
    }
  }

  /** Makes controls and line ends visible in a failure message. */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

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

  private static DocumentBuilder newBuilder() {
    try {
      synchronized (FACTORY) {
        return FACTORY.newDocumentBuilder();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
