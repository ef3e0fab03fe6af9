package io.picolabs.twilio.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The JARs as packaged: the test kit holds only its own package and needs nothing but the JDK (a
 * rule author's test adds it alone); the library holds neither the kit, the console nor the
 * examples.
 */
class ArtifactsIT {

  private static List<String> classes(String jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(System.getProperty(jar))) {
      for (JarEntry entry : file.stream().toList()) {
        if (entry.getName().endsWith(".class")) {
          names.add(entry.getName());
        }
      }
    }
    return names;
  }

  @Test
  void theTestKitHoldsOnlyItsPackageAndLoadsWithTheJdkAlone() throws Exception {
    List<String> classes = classes("testkit.jar");
    assertTrue(classes.contains("io/picolabs/twilio/testkit/TwilioPhone.class"), "" + classes);
    assertEquals(
        List.of(),
        classes.stream().filter(c -> !c.startsWith("io/picolabs/twilio/testkit/")).toList());
    URL jar = Path.of(System.getProperty("testkit.jar")).toUri().toURL();
    // the platform class loader: the JDK and nothing of the server, Jakarta or the test classpath
    try (URLClassLoader alone =
        new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
      for (String name : classes) {
        Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), true, alone);
        type.getDeclaredMethods(); // resolves every signature's types
        type.getDeclaredFields();
      }
    }
  }

  @Test
  void theLibraryHoldsNeitherTheKitNorTheConsoleNorTheExamples() throws IOException {
    List<String> classes = classes("library.jar");
    assertTrue(classes.contains("io/picolabs/twilio/event/RuleEngine.class"));
    // the rule harness is the library's, for its users' unit tests (vetoed: inert on a server)
    assertTrue(classes.contains("io/picolabs/twilio/harness/RuleHarness.class"));
    assertEquals(
        List.of(),
        classes.stream()
            .filter(
                c ->
                    c.startsWith("io/picolabs/twilio/testkit/")
                        || c.startsWith("io/picolabs/twilio/console/")
                        || c.startsWith("io/picolabs/twilio/examples/"))
            .toList());
  }
}
