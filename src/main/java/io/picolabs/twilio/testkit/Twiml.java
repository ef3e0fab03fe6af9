package io.picolabs.twilio.testkit;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reading a server's answer as Twilio reads it: the checks Twilio makes, then the verbs. */
final class Twiml {
  private Twiml() {}

  /** Why an answer cannot be followed, with Twilio's error code. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(int code, String message) {
      super(code + " " + message);
    }
  }

  /**
   * The verbs of an answer: the children of {@code <Response>} for an XML answer, one {@code Say}
   * (voice) or {@code Message} (messaging) for a plain-text one.
   */
  static List<Element> verbs(Exchange answer, String plainTextVerb) throws Unusable {
    if (!answer.ok()) {
      throw new Unusable(11200, "HTTP retrieval failure: the server answered " + answer.status());
    }
    String type = answer.contentType().toLowerCase(Locale.ROOT);
    String xml;
    if (type.startsWith("text/plain")) {
      xml = "<Response><" + plainTextVerb + "/></Response>";
    } else if (type.startsWith("text/xml")
        || type.startsWith("application/xml")
        || type.startsWith("text/html")) {
      xml = answer.body();
    } else {
      throw new Unusable(12300, "invalid Content-Type: '" + answer.contentType() + "'");
    }
    Element root;
    try {
      root = parser().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new Unusable(12100, "document parse failure: " + e.getMessage());
    }
    if (!root.getTagName().equals("Response")) {
      throw new Unusable(12100, "document parse failure: the root is <" + root.getTagName() + ">");
    }
    if (type.startsWith("text/plain")) {
      ((Element) root.getFirstChild()).setTextContent(answer.body());
    }
    return children(root);
  }

  /** An element's child elements, in order. */
  static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  /** The text of an element and its descendants, whitespace collapsed as speech would. */
  static String text(Element element) {
    return element.getTextContent().replaceAll("\\s+", " ").trim();
  }

  /** The element's attributes, in document order. */
  static Map<String, String> attributes(Element element) {
    Map<String, String> attributes = new LinkedHashMap<>();
    NamedNodeMap all = element.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      attributes.put(all.item(i).getNodeName(), all.item(i).getNodeValue());
    }
    return attributes;
  }

  /** An attribute, or {@code fallback} when absent or empty. */
  static String attribute(Element element, String name, String fallback) {
    String value = element.getAttribute(name);
    return value.isEmpty() ? fallback : value;
  }

  /** An integer attribute, or {@code fallback} when absent or not a number (Twilio's leniency). */
  static int number(Element element, String name, int fallback) {
    try {
      return Integer.parseInt(element.getAttribute(name).trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * The text a {@code Message} (or legacy {@code Sms}) verb sends: to {@code to} (default: the
   * other party), its body and media, as Twilio reads both spellings.
   */
  static Text message(Element message, String defaultTo, String defaultFrom) {
    List<Element> nouns = children(message);
    String body = text(message);
    List<String> media = new ArrayList<>();
    if (!nouns.isEmpty()) {
      StringBuilder bodies = new StringBuilder();
      for (Element noun : nouns) {
        if (noun.getTagName().equals("Body")) {
          bodies.append(text(noun));
        } else if (noun.getTagName().equals("Media")) {
          media.add(text(noun));
        }
      }
      body = bodies.toString();
    }
    return new Text(
        attribute(message, "from", defaultFrom), attribute(message, "to", defaultTo), body, media);
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // what a server answers is untrusted: no DTDs, no external entities
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {}

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e; // reported in the call's transcript, not on stderr
            }
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }
}
