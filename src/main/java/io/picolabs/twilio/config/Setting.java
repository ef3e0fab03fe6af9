package io.picolabs.twilio.config;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * One configuration key with its type and default, written once: the holders of this package read
 * every key through one of these, and {@code ConfigReferenceTest} checks each against
 * docs/configuration.md.
 *
 * @param key the MicroProfile Config key
 * @param type what the value is converted to
 * @param fallback the default, or {@code null} when an unset key means "none"
 */
public record Setting<T>(String key, Class<T> type, T fallback) {

  /** The environment variable MicroProfile Config also reads the key from. */
  public String environmentVariable() {
    return environmentVariable(key);
  }

  /**
   * The environment variable MicroProfile Config reads {@code key} from, besides the key itself.
   */
  public static String environmentVariable(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  /** The value, or the default. */
  public T in(Config config) {
    return config.getOptionalValue(key, type).orElse(fallback);
  }

  /** The value, if set; for settings without a default. */
  public Optional<T> optional(Config config) {
    return config.getOptionalValue(key, type);
  }

  /** A text value, stripped, if set and not blank. */
  public Optional<String> text(Config config) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(t -> !t.isEmpty());
  }
}
