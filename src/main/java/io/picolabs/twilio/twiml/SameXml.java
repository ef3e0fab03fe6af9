package io.picolabs.twilio.twiml;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Whether two elements say the same thing: names, attributes (in any order), text and child
 * elements. The reader uses it to make sure the model held everything an element said.
 */
final class SameXml {

  private SameXml() {}

  static boolean same(Element a, Element b) {
    if (!a.getTagName().equals(b.getTagName()) || !sameAttributes(a, b)) {
      return false;
    }
    Node x = next(a.getFirstChild());
    Node y = next(b.getFirstChild());
    while (x != null && y != null) {
      if (x instanceof Element ex && y instanceof Element ey) {
        if (!same(ex, ey)) {
          return false;
        }
        x = next(x.getNextSibling());
        y = next(y.getNextSibling());
      } else if (!(x instanceof Element) && !(y instanceof Element)) {
        StringBuilder tx = new StringBuilder();
        StringBuilder ty = new StringBuilder();
        while (x != null && !(x instanceof Element)) {
          tx.append(x.getNodeValue());
          x = next(x.getNextSibling());
        }
        while (y != null && !(y instanceof Element)) {
          ty.append(y.getNodeValue());
          y = next(y.getNextSibling());
        }
        if (!tx.toString().equals(ty.toString())) {
          return false;
        }
      } else {
        return false;
      }
    }
    return x == null && y == null;
  }

  /** The next element or non-empty text from {@code node} on, skipping comments and the like. */
  private static Node next(Node node) {
    Node at = node;
    while (at != null && !(at instanceof Element) && !isText(at)) {
      at = at.getNextSibling();
    }
    return at;
  }

  private static boolean isText(Node node) {
    short type = node.getNodeType();
    return (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE)
        && !node.getNodeValue().isEmpty();
  }

  private static boolean sameAttributes(Element a, Element b) {
    NamedNodeMap as = a.getAttributes();
    NamedNodeMap bs = b.getAttributes();
    if (as.getLength() != bs.getLength()) {
      return false;
    }
    for (int i = 0; i < as.getLength(); i++) {
      Node attribute = as.item(i);
      if (!b.hasAttribute(attribute.getNodeName())
          || !b.getAttribute(attribute.getNodeName()).equals(attribute.getNodeValue())) {
        return false;
      }
    }
    return true;
  }
}
