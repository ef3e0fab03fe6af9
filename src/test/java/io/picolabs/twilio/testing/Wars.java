package io.picolabs.twilio.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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

  private static List<File> library;

  private Wars() {}

  /**
   * The library JAR and the libraries it needs at run time (Flyway and what Flyway needs), as an
   * application that adds the library gets them from Maven: taken from the project WAR's {@code
   * WEB-INF/lib}, which holds exactly those.
   */
  public static synchronized File[] library() {
    if (library == null) {
      List<File> jars = new ArrayList<>();
      jars.add(LIBRARY);
      Path into = APPLICATION.toPath().resolveSibling("library-dependencies");
      try (ZipFile war = new ZipFile(APPLICATION)) {
        Files.createDirectories(into);
        for (ZipEntry entry : Collections.list(war.entries())) {
          String name = entry.getName();
          if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
            Path jar = into.resolve(name.substring("WEB-INF/lib/".length()));
            try (InputStream in = war.getInputStream(entry)) {
              Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            jars.add(jar.toFile());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the library's dependencies from " + APPLICATION, e);
      }
      library = List.copyOf(jars);
    }
    return library.toArray(File[]::new);
  }

  /** The project's WAR as a ShrinkWrap archive named {@code name}, to add a test's own parts to. */
  public static WebArchive project(String name) {
    return ShrinkWrap.create(ZipImporter.class, name).importFrom(APPLICATION).as(WebArchive.class);
  }
}
