package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.action.Outbox;
import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.state.CallLifetime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The event channel of a pico: {@code POST /events/notification/status} raises any event, with
 * attributes from a JSON object or a form, and answers the directives the rules produced as JSON,
 * with the outbox ids of what they sent ({@code "outbox"}, when they sent anything). Only callers
 * with the events token get here ({@link EventsTokenCheck}).
 */
@Path("events/{domain: [A-Za-z0-9_-]+}/{type: [A-Za-z0-9_-]+}")
@RequestScoped
@TwilioEndpoint
@EventsTokenRequired
public class EventChannel extends PlainRoutingErrors {

  @Inject RuleEngine engine;
  @Inject Directives directives;
  @Inject Outbox outbox;
  @Inject RequestOrigin requestOrigin;
  @Inject CallLifetime calls;
  @Context HttpServletRequest servlet;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String postJson(
      @PathParam("domain") String domain, @PathParam("type") String type, byte[] body) {
    return raise(domain, type, JsonAttributes.parse(body));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public String postForm(
      @PathParam("domain") String domain, @PathParam("type") String type, byte[] body) {
    return raise(domain, type, FormBody.parse(body));
  }

  private String raise(String domain, String type, Map<String, List<String>> attrs) {
    RuleEvent event = new RuleEvent(domain, type, attrs);
    requestOrigin.set(RequestOrigin.of(servlet));
    RuleEngine.Outcome outcome = engine.raise(event);
    calls.afterEvent(event);
    return DirectivesJson.of(event, outcome, directives.response(), outbox.written()).toString();
  }

  @Override
  protected String allowed() {
    return "POST, OPTIONS";
  }
}
