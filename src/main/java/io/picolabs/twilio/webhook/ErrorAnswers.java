package io.picolabs.twilio.webhook;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every error with a status and one short line of plain text: the reason for input the
 * server could not read, the status for routing errors (404, 405, 415 …), and a bare "internal
 * error" for anything unexpected, whose stack trace goes to the log and never to the client.
 */
@Provider
public class ErrorAnswers implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ErrorAnswers.class.getName());

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof BadInput) {
      return plain(Response.status(Response.Status.BAD_REQUEST), error.getMessage());
    }
    if (error instanceof WebApplicationException web) {
      Response original = web.getResponse();
      return plain(
          Response.fromResponse(original),
          original.getStatusInfo().getReasonPhrase().toLowerCase());
    }
    LOG.log(Level.SEVERE, "unexpected error answering a request", error);
    return plain(Response.serverError(), "internal error");
  }

  /** A short plain-text answer with {@code status}. */
  static Response plain(Response.Status status, String message) {
    return plain(Response.status(status), message);
  }

  private static Response plain(Response.ResponseBuilder builder, String message) {
    return builder.type(MediaType.TEXT_PLAIN_TYPE).entity(message + "\n").build();
  }
}
