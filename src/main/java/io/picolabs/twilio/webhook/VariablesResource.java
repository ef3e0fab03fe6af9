package io.picolabs.twilio.webhook;

import io.picolabs.twilio.state.AppVars;
import io.picolabs.twilio.state.Scope;
import io.picolabs.twilio.state.VariableStore;
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
public class VariablesResource {

  @Inject VariableStore store;

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
