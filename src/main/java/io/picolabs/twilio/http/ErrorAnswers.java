package io.picolabs.twilio.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors as this library answers them, from any of its resources: a status and one short line of
 * plain text.
 */
public final class ErrorAnswers {
  private ErrorAnswers() {}

  /**
   * A plain-text answer with {@code status}: {@code message} on one line (a message from elsewhere,
   * such as Twilio's, may span several).
   */
  public static Response plain(Response.Status status, String message) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(line(message)).build();
  }

  /** {@code message} as an error answer's body: one line, ended. */
  public static String line(String message) {
    return message.replaceAll("\\s+", " ").strip() + "\n";
  }
}
