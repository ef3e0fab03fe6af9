package io.picolabs.twilio.http;

import io.picolabs.twilio.config.WebhookConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads each request body into memory, refusing with 413 one over {@code
 * twilio.webhook.max-body-bytes} (Liberty sets no limit of its own), so that the signature check
 * and the resource see the same bytes. {@link #read} is the same limit for servlets.
 */
@Provider
@TwilioEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimit implements ContainerRequestFilter {
  @Inject WebhookConfig config;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    int limit = config.maxBodyBytes();
    if (request.getLength() > limit) {
      request.abortWith(tooLarge(limit)); // before the stream is even opened
      return;
    }
    Optional<byte[]> body;
    try (InputStream in = request.getEntityStream()) {
      body = read(in, request.getLength(), limit);
    }
    if (body.isEmpty()) {
      request.abortWith(tooLarge(limit));
      return;
    }
    Exchange.of(request).body(body.get());
    request.setEntityStream(new ByteArrayInputStream(body.get()));
  }

  /**
   * The body in {@code in}, or empty if it is over {@code limit} bytes: a body whose declared
   * {@code length} ({@code Content-Length}; -1 when undeclared) is over it is refused before a byte
   * is read, any other after at most {@code limit + 1} bytes. For the filter and for servlets that
   * take bodies (the console's fake REST API).
   */
  public static Optional<byte[]> read(InputStream in, long length, int limit) throws IOException {
    if (length > limit) {
      return Optional.empty();
    }
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? Optional.empty() : Optional.of(body);
  }

  /** The message of the 413 for a body over {@code limit} bytes, the same from every endpoint. */
  public static String tooLargeMessage(int limit) {
    return "request body over " + limit + " bytes";
  }

  private static Response tooLarge(int limit) {
    return ErrorAnswers.plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLargeMessage(limit));
  }
}
