package io.picolabs.twilio.host;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The host's JAX-RS application: its own path, nothing listed, so every resource is discovered. */
@ApplicationPath("/api")
public class HostApplication extends Application {}
