package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Twilio's webhook: {@code /twilio/inbound_call} raises {@code twilio inbound_call} with Twilio's
 * parameters as attributes, and answers the TwiML the rules built (an empty {@code <Response/>}
 * when none selected the event, on which Twilio hangs up politely).
 */
@Path("twilio/{type: [A-Za-z0-9_-]+}")
@RequestScoped
public class TwilioWebhook {
  static final String DOMAIN = "twilio";

  @Inject RuleEngine engine;
  @Inject Directives directives;

  /** A number set to HTTP POST (the default): parameters in a form body. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_XML)
  public String post(@PathParam("type") String type, byte[] body) {
    return answer(type, FormBody.parse(body));
  }

  /** A number set to HTTP GET: parameters in the query string. */
  @GET
  @Produces(MediaType.APPLICATION_XML)
  public String get(@PathParam("type") String type, @Context UriInfo uri) {
    return answer(type, FormBody.parse(uri.getRequestUri().getRawQuery()));
  }

  private String answer(String type, Map<String, List<String>> params) {
    engine.raise(new RuleEvent(DOMAIN, type, params));
    return TwimlWriter.write(directives.response());
  }
}
