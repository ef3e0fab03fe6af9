package io.picolabs.twilio.testkit;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio's resource identifiers: a two-letter prefix and 32 hex digits. */
final class Sids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sids() {}

  /** A new identifier with {@code prefix} ({@code CA} call, {@code SM} message, …). */
  static String next(String prefix) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
