package io.picolabs.twilio.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the build made, for test deployments (paths given by failsafe, else target/). */
public final class Wars {
  /** The library JAR (classifier {@code lib}). */
  public static final File LIBRARY =
      new File(System.getProperty("library.jar", "target/twilio-rules-lib.jar"));

  /** The project's WAR. */
  public static final File APPLICATION =
      new File(System.getProperty("application.war", "target/twilio-rules.war"));

  private Wars() {}

  /** The project's WAR as a ShrinkWrap archive named {@code name}, to add a test's own parts to. */
  public static WebArchive project(String name) {
    return ShrinkWrap.create(ZipImporter.class, name).importFrom(APPLICATION).as(WebArchive.class);
  }
}
