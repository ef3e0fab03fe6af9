package io.picolabs.twilio.console;

import io.picolabs.twilio.testkit.CallSimulator;
import io.picolabs.twilio.testkit.Exchange;
import io.picolabs.twilio.testkit.Heard;
import io.picolabs.twilio.testkit.Listening;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * A simulated call as the console's page draws it: transcript, what it waits for, each step's
 * TwiML.
 */
final class CallJson {
  private CallJson() {}

  static JsonObject of(CallSimulator call) {
    JsonArrayBuilder heard = Json.createArrayBuilder();
    for (Heard item : call.heard()) {
      heard.add(
          Json.createObjectBuilder()
              .add("kind", item.kind().name().toLowerCase(Locale.ROOT))
              .add("text", item.text())
              .add("step", item.step()));
    }
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (Exchange exchange : call.exchanges()) {
      steps.add(step(exchange));
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("sid", call.parameters().get("CallSid"))
            .add("from", call.parameters().get("From"))
            .add("to", call.parameters().get("To"))
            .add("direction", call.parameters().get("Direction"))
            .add("status", call.callStatus())
            .add("ended", call.ended())
            .add("endedBecause", call.endedBecause())
            .add("seconds", call.seconds())
            .add("heard", heard)
            .add("steps", steps);
    Listening listening = call.listening();
    if (listening != null) {
      JsonObjectBuilder attributes = Json.createObjectBuilder();
      listening.attributes().forEach(attributes::add);
      json.add(
          "listening",
          Json.createObjectBuilder()
              .add("verb", listening.verb())
              .add("target", listening.target())
              .add("keys", listening.acceptsKeys())
              .add("speech", listening.acceptsSpeech())
              .add("attributes", attributes));
    }
    if (call.statusCallback() != null) {
      json.add("statusCallback", step(call.statusCallback()));
    }
    return json.build();
  }

  private static JsonObject step(Exchange exchange) {
    JsonObjectBuilder params = Json.createObjectBuilder();
    exchange.params().forEach(params::add);
    return Json.createObjectBuilder()
        .add("method", exchange.method())
        .add("url", exchange.url())
        .add("params", params)
        .add("status", exchange.status())
        .add("contentType", exchange.contentType())
        .add("body", exchange.body())
        .build();
  }
}
