package io.picolabs.twilio.testing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application of test deployments made of the library JAR and rules: the library has
 * none of its own (a host application brings one), so these deployments bring this one, at the
 * context root, as the project's WAR does.
 */
@ApplicationPath("/")
public class RootApplication extends Application {}
