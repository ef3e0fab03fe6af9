package io.picolabs.twilio.security;

import java.util.Optional;

/**
 * The HMACs Twilio signs webhooks with, by the names {@code X-Twilio-Webhooks-Signature-Settings}
 * gives them: HMAC-SHA1 (always, with the auth token; also possible for a shared key) and
 * HMAC-SHA256 (a shared key's usual one).
 */
public enum HmacAlgorithm {
  HMAC_SHA1("HmacSHA1"),
  HMAC_SHA256("HmacSHA256");

  private final String jcaName;

  HmacAlgorithm(String jcaName) {
    this.jcaName = jcaName;
  }

  /** The JDK's name for it ({@code Mac.getInstance}). */
  public String jcaName() {
    return jcaName;
  }

  /**
   * The algorithm the header calls {@code name} ({@code HMAC_SHA256}, {@code HMAC_SHA1}), if it is
   * one of these; spelled exactly as Twilio spells it.
   */
  public static Optional<HmacAlgorithm> named(String name) {
    for (HmacAlgorithm algorithm : values()) {
      if (algorithm.name().equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
