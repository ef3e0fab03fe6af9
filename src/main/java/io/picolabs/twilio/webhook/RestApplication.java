package io.picolabs.twilio.webhook;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the webhooks at the context root, so Twilio posts to {@code /twilio/<event type>}. */
@ApplicationPath("/")
public class RestApplication extends Application {}
