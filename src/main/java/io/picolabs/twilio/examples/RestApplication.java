package io.picolabs.twilio.examples;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The WAR's JAX-RS application at the context root, so Twilio posts to {@code /twilio/<event
 * type>}. The library has none of its own: in a host application its resources join the host's (see
 * {@link io.picolabs.twilio.TwilioEndpoints}).
 */
@ApplicationPath("/")
public class RestApplication extends Application {}
