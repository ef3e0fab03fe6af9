package io.picolabs.twilio.host;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The host's error mapping, as greedy as they come (every {@code Throwable}): its answers are JSON
 * {@code {"host-error": …}} with the host's own statuses.
 */
@Provider
public class HostErrors implements ExceptionMapper<Throwable> {
  @Override
  public Response toResponse(Throwable error) {
    int status =
        error instanceof OrderMissing
            ? 404
            : error instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("host-error", error.getMessage()).build().toString())
        .build();
  }
}
