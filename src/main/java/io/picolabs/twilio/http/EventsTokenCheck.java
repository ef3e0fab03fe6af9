package io.picolabs.twilio.http;

import io.picolabs.twilio.config.EventsConfig;
import io.picolabs.twilio.security.Secrets;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Guards the event channel: {@code Authorization: Bearer <events.token>}, compared in constant
 * time. Without a configured token the channel is closed: an event channel anyone can drive would
 * let anyone send SMS through the account.
 */
@Provider
@EventsTokenRequired
@Priority(Priorities.AUTHENTICATION)
public class EventsTokenCheck implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(EventsTokenCheck.class.getName());
  private static final String BEARER = "Bearer ";

  private final AtomicBoolean closedLogged = new AtomicBoolean();

  @Inject EventsConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> token = config.token();
    if (token.isEmpty()) {
      if (!closedLogged.getAndSet(true)) {
        LOG.warning("refusing requests to /events: events.token (EVENTS_TOKEN) is not set");
      }
      request.abortWith(
          ErrorAnswers.plain(Response.Status.FORBIDDEN, "the event channel is closed"));
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      request.abortWith(
          Response.fromResponse(
                  ErrorAnswers.plain(Response.Status.UNAUTHORIZED, "a bearer token is required"))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
      return;
    }
    if (!Secrets.equal(token.get(), authorization.substring(BEARER.length()).trim())) {
      request.abortWith(ErrorAnswers.plain(Response.Status.FORBIDDEN, "wrong bearer token"));
    }
  }
}
