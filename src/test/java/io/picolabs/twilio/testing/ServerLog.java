package io.picolabs.twilio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The managed Liberty's messages.log, to check what the server logged. */
public final class ServerLog {
  private static final Path LOG =
      LibertyServer.servers().resolve(LibertyServer.TEMPLATE).resolve("logs/messages.log");

  private ServerLog() {}

  /** The log's text from character {@code offset} on. */
  public static String since(long offset) {
    String text = read();
    return offset <= text.length() ? text.substring((int) offset) : text;
  }

  /** The log's current length, to read what follows with {@link #since}. */
  public static long length() {
    return read().length();
  }

  private static String read() {
    try {
      return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
