package io.picolabs.twilio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throwaway directories of tests. */
public final class Directories {

  private Directories() {}

  /**
   * Deletes {@code root} and everything in it. What cannot be deleted is reported on stderr, not
   * thrown: a leftover temporary directory must not fail a test that passed.
   */
  public static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  System.err.println("could not delete " + path + ": " + e);
                }
              });
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }
}
