package io.picolabs.twilio.host;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A host resource taking large JSON bodies, and failing in the host's own way. */
@Path("orders")
public class Orders {

  /** Takes a JSON order of any size; answers how many lines it had. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject place(JsonObject order) {
    return Json.createObjectBuilder()
        .add("lines", order.getJsonArray("lines").size())
        .add("note", order.getString("note").length())
        .build();
  }

  /** No order is ever found: the host's mapper answers. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject find(@PathParam("id") String id) {
    throw new OrderMissing(id);
  }

  /** A bug of the host: its catch-all mapper answers. */
  @GET
  @Path("broken")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject broken() {
    throw new IllegalStateException("the host broke");
  }
}
