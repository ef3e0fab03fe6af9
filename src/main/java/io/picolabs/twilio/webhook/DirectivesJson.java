package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.twiml.Response;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The answer of the event channel: the event, the rules that fired and failed, each directive as
 * {@code {"name": "Say", "attributes": {...}, "text": "...", "children": [...]}}, and the outbox
 * ids of the messages and calls the rules sent.
 *
 * <p>Directives are read from the marshalled document rather than from the model, so the JSON says
 * exactly what the TwiML would have said.
 */
final class DirectivesJson {

  private DirectivesJson() {}

  static JsonObject of(
      RuleEvent event, RuleEngine.Outcome outcome, Response response, List<String> outbox) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("domain", event.domain())
            .add("type", event.type())
            .add("fired", Json.createArrayBuilder(outcome.fired()))
            .add("failed", Json.createArrayBuilder(outcome.failed()))
            .add("directives", childrenOf(TwimlWriter.toDocument(response).getDocumentElement()));
    if (!outbox.isEmpty()) {
      json.add("outbox", Json.createArrayBuilder(outbox));
    }
    return json.build();
  }

  private static JsonArrayBuilder childrenOf(Element parent) {
    JsonArrayBuilder directives = Json.createArrayBuilder();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        directives.add(directive(element));
      }
    }
    return directives;
  }

  private static JsonObjectBuilder directive(Element element) {
    JsonObjectBuilder directive = Json.createObjectBuilder().add("name", element.getTagName());
    NamedNodeMap attributes = element.getAttributes();
    if (attributes.getLength() > 0) {
      JsonObjectBuilder options = Json.createObjectBuilder();
      for (int i = 0; i < attributes.getLength(); i++) {
        options.add(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
      }
      directive.add("attributes", options);
    }
    StringBuilder text = new StringBuilder();
    boolean hasChildren = false;
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        hasChildren = true;
      } else if (node.getNodeType() == Node.TEXT_NODE
          || node.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(node.getNodeValue());
      }
    }
    if (!text.isEmpty()) {
      directive.add("text", text.toString());
    }
    if (hasChildren) {
      directive.add("children", childrenOf(element));
    }
    return directive;
  }
}
