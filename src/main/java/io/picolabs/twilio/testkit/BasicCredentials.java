package io.picolabs.twilio.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an {@code Authorization: Basic …} header, as Twilio reads them. */
record BasicCredentials(String user, String password) {

  /** The credentials of {@code header}; empty if it is missing or not well-formed Basic. */
  static Optional<BasicCredentials> of(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.of(
            new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + user + ", redacted]";
  }
}
