package io.picolabs.twilio.rest;

import io.picolabs.twilio.config.RestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
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

  private static final Pattern NAMED_SID =
      Pattern.compile(
          "twilio\\.accounts\\.([A-Za-z0-9_-]+)\\.account-sid|TWILIO_ACCOUNTS_([A-Za-z0-9_-]+)_ACCOUNT_SID");

  private Function<String, Optional<String>> config;
  private Supplier<Iterable<String>> keys;
  private volatile Map<String, String> namesBySid;
  // Webhook tokens are looked up on every request; config sources (the environment above all) are
  // slow to ask, and tokens change only with a restart.
  private final Map<String, Optional<String>> webhookTokens = new ConcurrentHashMap<>();

  protected TwilioAccounts() {}

  @Inject
  TwilioAccounts(Config config) {
    this(key -> config.getOptionalValue(key, String.class), config::getPropertyNames);
  }

  /** Reads keys through {@code config}; for use outside a container. */
  public TwilioAccounts(Function<String, Optional<String>> config) {
    this(config, List::of);
  }

  /** Reads keys through {@code config}; {@code keys} lists them, to find named accounts by SID. */
  public TwilioAccounts(
      Function<String, Optional<String>> config, Supplier<Iterable<String>> keys) {
    this.config = config;
    this.keys = keys;
  }

  /**
   * The auth token that signs webhooks for {@code accountSid} (Twilio's {@code AccountSid}
   * parameter): that of the named account with this SID, else the default account's.
   */
  public Optional<String> authTokenFor(String accountSid) {
    String name = accountSid == null ? null : namesBySid().get(accountSid);
    String key =
        name == null ? RestConfig.AUTH_TOKEN.key() : "twilio.accounts." + name + ".auth-token";
    return webhookTokens.computeIfAbsent(
        key, k -> config.apply(k).filter(token -> !token.isBlank()));
  }

  /** The default account's SID, if it is set ({@code twilio.account-sid}). */
  public Optional<String> defaultAccountSid() {
    return config.apply(RestConfig.ACCOUNT_SID.key()).filter(sid -> !sid.isBlank());
  }

  private Map<String, String> namesBySid() {
    Map<String, String> known = namesBySid;
    if (known == null) {
      known = new HashMap<>();
      for (String key : keys.get()) {
        Matcher matcher = NAMED_SID.matcher(key);
        if (matcher.matches()) {
          String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
          Optional<String> sid = config.apply(key);
          if (sid.isPresent()) {
            known.put(sid.get(), name);
          }
        }
      }
      namesBySid = known;
    }
    return known;
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
}
