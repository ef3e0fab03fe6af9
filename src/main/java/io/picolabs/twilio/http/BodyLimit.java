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

/**
 * Reads each request body into memory, refusing with 413 one over {@code
 * twilio.webhook.max-body-bytes} (Liberty sets no limit of its own), so that the signature check
 * and the resource see the same bytes.
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
      request.abortWith(tooLarge(limit));
      return;
    }
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(limit + 1);
    }
    if (body.length > limit) {
      request.abortWith(tooLarge(limit));
      return;
    }
    Exchange.of(request).body(body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static Response tooLarge(int limit) {
    return ErrorAnswers.plain(
        Response.Status.REQUEST_ENTITY_TOO_LARGE, "request body over " + limit + " bytes");
  }
}
