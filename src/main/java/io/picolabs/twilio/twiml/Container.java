package io.picolabs.twilio.twiml;

import java.util.List;
import org.w3c.dom.Element;

/**
 * A TwiML element that holds other elements ({@code Response}, {@code Gather}, {@code Dial}), and
 * knows which ones Twilio lets it hold.
 */
public interface Container {

  /** The children in document order: model objects, DOM elements from raw TwiML, or text. */
  List<Object> children();

  /** Whether Twilio accepts an element of this name as a child. */
  boolean accepts(String elementName);

  /** The TwiML element name of a model object or a raw DOM element. */
  static String elementName(Object node) {
    if (node instanceof Element element) {
      return element.getTagName();
    }
    // By convention every model class is named after its element, so no reflection is needed.
    return node.getClass().getSimpleName();
  }
}
