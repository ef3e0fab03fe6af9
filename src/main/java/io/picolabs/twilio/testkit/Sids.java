package io.picolabs.twilio.testkit;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio's resource identifiers: a two-letter prefix and 32 hex digits. */
final class Sids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sids() {}

  /** The same identifier for the same name (a queue's SID for its name). */
  static String named(String prefix, String name) {
    return prefix
        + java.util
            .UUID
            .nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString()
            .replace("-", "");
  }

  /** A new identifier with {@code prefix} ({@code CA} call, {@code SM} message, …). */
  static String next(String prefix) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
