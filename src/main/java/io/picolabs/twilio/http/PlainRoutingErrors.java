package io.picolabs.twilio.http;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The routing errors of a resource that takes POSTs, answered by the resource itself in one line of
 * plain text: a POST of a type no method consumes (415), another method (405). The runtime would
 * answer them with an empty body, and an exception mapper that rewrote them would rewrite the host
 * application's too; these methods are inherited by our resources only (JAX-RS annotation
 * inheritance), and the runtime picks them only when no more specific method matches. Hidden from
 * the OpenAPI document: the resources document these answers as responses of their operations.
 */
public abstract class PlainRoutingErrors {

  /** A POST whose {@code Content-Type} no method of the resource consumes. */
  @POST
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public Response unsupportedType() {
    return ErrorAnswers.plain(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
  }

  @PUT
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public Response put() {
    return notAllowed();
  }

  @DELETE
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public Response delete() {
    return notAllowed();
  }

  @PATCH
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public Response patch() {
    return notAllowed();
  }

  private Response notAllowed() {
    Response plain = ErrorAnswers.plain(Response.Status.METHOD_NOT_ALLOWED, "method not allowed");
    return Response.fromResponse(plain).header("Allow", allowed()).build();
  }

  /** The methods the resource takes, for the {@code Allow} header of a 405. */
  protected abstract String allowed();
}
