package io.picolabs.twilio.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Reads accounts from MicroProfile Config: {@code twilio.account-sid} and {@code twilio.auth-token}
 * (environment {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, as Twilio's CLI and SDKs) for
 * the default account, {@code twilio.accounts.<name>.account-sid} and {@code .auth-token} for a
 * named one.
 *
 * <p>Keys are read when an account is used, not at start-up: a server without credentials still
 * starts and answers webhooks, and only an outbound action fails, naming the missing key.
 */
@ApplicationScoped
public class TwilioAccounts {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private Function<String, Optional<String>> config;

  protected TwilioAccounts() {}

  @Inject
  TwilioAccounts(Config config) {
    this(key -> config.getOptionalValue(key, String.class));
  }

  /** Reads keys through {@code config}; for use outside a container. */
  public TwilioAccounts(Function<String, Optional<String>> config) {
    this.config = config;
  }

  /**
   * The account called {@code name}, or the default one for {@code null}/{@value Account#DEFAULT}.
   */
  public Account account(String name) {
    if (name == null || name.equals(Account.DEFAULT)) {
      return read(Account.DEFAULT, "twilio.");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a Twilio account name is letters, digits, _ and -, not " + name);
    }
    return read(name, "twilio.accounts." + name + ".");
  }

  private Account read(String name, String prefix) {
    return new Account(name, required(prefix + "account-sid"), required(prefix + "auth-token"));
  }

  private String required(String key) {
    return config
        .apply(key)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new MissingCredentials(key));
  }

  /** The environment variable MicroProfile Config reads for {@code key}. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
