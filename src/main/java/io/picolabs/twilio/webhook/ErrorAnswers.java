package io.picolabs.twilio.webhook;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Errors as this library answers them: a status and one short line of plain text. */
final class ErrorAnswers {
  private ErrorAnswers() {}

  /** A short plain-text answer with {@code status}. */
  static Response plain(Response.Status status, String message) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message + "\n").build();
  }
}
