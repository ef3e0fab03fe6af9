package io.picolabs.twilio.webhook;

import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.action.Outbox;
import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.http.EventsTokenCheck;
import io.picolabs.twilio.http.EventsTokenRequired;
import io.picolabs.twilio.http.FormBody;
import io.picolabs.twilio.http.JsonAttributes;
import io.picolabs.twilio.http.OpenApiDocs;
import io.picolabs.twilio.http.PlainRoutingErrors;
import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.http.TwilioEndpoint;
import io.picolabs.twilio.rules.RuleEvent;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(
    name = "Event channel",
    description = "Raise any event from outside, as a pico's event channel")
@SecurityScheme(
    securitySchemeName = OpenApiDocs.EVENTS_TOKEN,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "`Authorization: Bearer <events.token>` (`EVENTS_TOKEN`); with no token configured every"
            + " request is refused")
@SecurityRequirement(name = OpenApiDocs.EVENTS_TOKEN)
@APIResponse(
    responseCode = "200",
    description = "What the rules did",
    content =
        @Content(
            mediaType = OpenApiDocs.JSON,
            schema = @Schema(implementation = OpenApiDocs.EventAnswer.class),
            example =
                "{\"domain\":\"twilio\",\"type\":\"monkey_handle\",\"fired\":[\"HelloMonkey.picked\"],"
                    + "\"failed\":[],\"directives\":[{\"name\":\"Say\",\"text\":\"Your favorite number"
                    + " is 7.\"},{\"name\":\"Hangup\"}]}"))
@APIResponse(
    responseCode = "400",
    description = OpenApiDocs.BAD_INPUT,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "401",
    description = OpenApiDocs.NO_TOKEN,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "403",
    description = OpenApiDocs.WRONG_TOKEN,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "405",
    description = OpenApiDocs.NOT_ALLOWED,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "413",
    description = OpenApiDocs.TOO_LARGE,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "415",
    description = OpenApiDocs.UNSUPPORTED,
    content = @Content(mediaType = OpenApiDocs.TEXT))
public class EventChannel extends PlainRoutingErrors {

  @Inject RuleEntry entry;
  @Inject Directives directives;
  @Inject Outbox outbox;
  @Inject PublicUrl publicUrl;
  @Context HttpServletRequest servlet;

  @Operation(
      summary = "Raise the event `{domain} {type}`",
      description =
          "Raises any event, e.g. `notification status`, with the members of a JSON object or the"
              + " parameters of a form as its attributes, and answers what the rules did: the rules"
              + " that fired and failed, the directives they built, and the outbox ids of what"
              + " they sent.")
  @Parameter(
      name = "domain",
      in = ParameterIn.PATH,
      required = true,
      description = "The event's domain: letters, digits, `_` and `-`",
      example = "notification",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @Parameter(
      name = "type",
      in = ParameterIn.PATH,
      required = true,
      description = "The event's type: letters, digits, `_` and `-`",
      example = "status",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @RequestBody(
      required = true,
      description = "The event's attributes",
      content = {
        @Content(
            mediaType = OpenApiDocs.JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "Strings as they are, numbers and booleans as their text, arrays as"
                            + " repeated values, objects as JSON text; null members left out",
                    additionalProperties = Schema.True.class),
            example =
                "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\",\"message\":\"Hi\"}"),
        @Content(
            mediaType = OpenApiDocs.FORM,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description = "Each parameter an attribute (a repeated name: every value)",
                    additionalProperties = String.class))
      })
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String postJson(
      @PathParam("domain") String domain, @PathParam("type") String type, byte[] body) {
    return raise(domain, type, JsonAttributes.parse(body));
  }

  @Operation(
      summary = "Raise the event `{domain} {type}`",
      description =
          "Raises any event, e.g. `notification status`, with the members of a JSON object or the"
              + " parameters of a form as its attributes, and answers what the rules did: the rules"
              + " that fired and failed, the directives they built, and the outbox ids of what"
              + " they sent.")
  @Parameter(
      name = "domain",
      in = ParameterIn.PATH,
      required = true,
      description = "The event's domain: letters, digits, `_` and `-`",
      example = "notification",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @Parameter(
      name = "type",
      in = ParameterIn.PATH,
      required = true,
      description = "The event's type: letters, digits, `_` and `-`",
      example = "status",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @RequestBody(
      required = true,
      description = "The event's attributes",
      content = {
        @Content(
            mediaType = OpenApiDocs.JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "Strings as they are, numbers and booleans as their text, arrays as"
                            + " repeated values, objects as JSON text; null members left out",
                    additionalProperties = Schema.True.class),
            example =
                "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\",\"message\":\"Hi\"}"),
        @Content(
            mediaType = OpenApiDocs.FORM,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description = "Each parameter an attribute (a repeated name: every value)",
                    additionalProperties = String.class))
      })
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public String postForm(
      @PathParam("domain") String domain, @PathParam("type") String type, byte[] body) {
    return raise(domain, type, FormBody.parse(body));
  }

  private String raise(String domain, String type, Map<String, List<String>> attrs) {
    RuleEvent event = new RuleEvent(domain, type, attrs);
    return entry.raise(
        EventContext.of(event, publicUrl.originOf(servlet)),
        outcome ->
            DirectivesJson.of(event, outcome, directives.response(), outbox.written()).toString());
  }

  @Override
  protected String allowed() {
    return "POST, OPTIONS";
  }
}
