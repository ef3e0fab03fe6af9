package io.picolabs.twilio.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Twilio's REST API: where it is, the client's timeouts and the retries of requests that may be
 * retried ({@code twilio.api-url}, {@code twilio.*-timeout-ms}, {@code twilio.retry.*}). The
 * accounts' credentials are read by {@code rest.TwilioAccounts}, whose names are not fixed.
 */
public record RestConfig(
    URI apiUrl,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay) {

  public static final Setting<String> API_URL =
      new Setting<>("twilio.api-url", String.class, "https://api.twilio.com");
  public static final Setting<Long> CONNECT_TIMEOUT_MS =
      new Setting<>("twilio.connect-timeout-ms", Long.class, 5000L);
  public static final Setting<Long> READ_TIMEOUT_MS =
      new Setting<>("twilio.read-timeout-ms", Long.class, 15000L);
  public static final Setting<Integer> RETRY_MAX_ATTEMPTS =
      new Setting<>("twilio.retry.max-attempts", Integer.class, 4);
  public static final Setting<Long> RETRY_INITIAL_DELAY_MS =
      new Setting<>("twilio.retry.initial-delay-ms", Long.class, 500L);
  public static final Setting<Long> RETRY_MAX_DELAY_MS =
      new Setting<>("twilio.retry.max-delay-ms", Long.class, 8000L);

  /** The default account's credentials, read through {@code rest.TwilioAccounts}. */
  public static final Setting<String> ACCOUNT_SID =
      new Setting<>("twilio.account-sid", String.class, null);

  public static final Setting<String> AUTH_TOKEN =
      new Setting<>("twilio.auth-token", String.class, null);

  public static final List<Setting<?>> SETTINGS =
      List.of(
          API_URL,
          CONNECT_TIMEOUT_MS,
          READ_TIMEOUT_MS,
          RETRY_MAX_ATTEMPTS,
          RETRY_INITIAL_DELAY_MS,
          RETRY_MAX_DELAY_MS,
          ACCOUNT_SID,
          AUTH_TOKEN);

  public static RestConfig of(Config config) {
    return new RestConfig(
        URI.create(API_URL.in(config)),
        Duration.ofMillis(CONNECT_TIMEOUT_MS.in(config)),
        Duration.ofMillis(READ_TIMEOUT_MS.in(config)),
        RETRY_MAX_ATTEMPTS.in(config),
        Duration.ofMillis(RETRY_INITIAL_DELAY_MS.in(config)),
        Duration.ofMillis(RETRY_MAX_DELAY_MS.in(config)));
  }
}
