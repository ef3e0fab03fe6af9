package io.picolabs.twilio.state;

import io.picolabs.twilio.http.ErrorAnswers;
import io.picolabs.twilio.http.EventsTokenRequired;
import io.picolabs.twilio.http.OpenApiDocs;
import io.picolabs.twilio.http.TwilioEndpoint;
import io.picolabs.twilio.rules.AppVars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rules' variables, read from outside: {@code GET /entities/{entity}/vars} (the entity as its
 * rules see it, a number percent-encoded: {@code /entities/%2B8015552311/vars}) and {@code GET
 * /app/vars}, each one JSON object of name to value. Guarded by the events token, like the event
 * channel.
 */
@Path("")
@RequestScoped
@TwilioEndpoint
@EventsTokenRequired
@Tag(name = "Variables", description = "The rules' variables, read from outside")
@SecurityRequirement(name = OpenApiDocs.EVENTS_TOKEN)
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
public class VariablesResource {

  @Inject VariableStore store;

  @Operation(
      summary = "An entity's variables",
      description =
          "The variables of the entity as its rules see it (a caller's number for Twilio's"
              + " events), each name with its value.")
  @Parameter(
      name = "entity",
      in = ParameterIn.PATH,
      required = true,
      description = "The entity, percent-encoded (`%2B8015552311` for `+8015552311`)",
      example = "+8015552311")
  @APIResponse(
      responseCode = "200",
      description = "The entity's variables",
      content =
          @Content(
              mediaType = OpenApiDocs.JSON,
              schema = @Schema(implementation = OpenApiDocs.Variables.class)))
  @APIResponse(
      responseCode = "404",
      description = "An entity without variables",
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @GET
  @Path("entities/{entity}/vars")
  @Produces(MediaType.APPLICATION_JSON)
  public Response entity(@PathParam("entity") String entity) {
    Map<String, String> values = store.all(Scope.ENTITY, entity, System.currentTimeMillis());
    if (values.isEmpty()) {
      return ErrorAnswers.plain(Response.Status.NOT_FOUND, "no variables for entity " + entity);
    }
    return Response.ok(json(values)).build();
  }

  @Operation(summary = "The app variables", description = "The app's variables (KRL's `app:`).")
  @APIResponse(
      responseCode = "200",
      description = "The app variables (an empty object when there are none)",
      content =
          @Content(
              mediaType = OpenApiDocs.JSON,
              schema = @Schema(implementation = OpenApiDocs.Variables.class)))
  @GET
  @Path("app/vars")
  @Produces(MediaType.APPLICATION_JSON)
  public String app() {
    return json(store.all(Scope.APP, AppVars.OWNER, System.currentTimeMillis()));
  }

  private static String json(Map<String, String> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach(
        (name, json) -> {
          try (JsonReader reader = Json.createReader(new StringReader(json))) {
            object.add(name, reader.readValue());
          }
        });
    return object.build().toString();
  }
}
