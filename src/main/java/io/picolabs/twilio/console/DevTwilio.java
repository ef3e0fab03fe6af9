package io.picolabs.twilio.console;

import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.testkit.FakeTwilio;
import io.picolabs.twilio.testkit.SharedKey;
import io.picolabs.twilio.testkit.TwilioPhone;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * The console's Twilio: the fake REST API the rules send through (when {@code twilio.api-url}
 * points at {@code /fake-twilio}) and the phone that calls and texts this server, both keyed with
 * the server's own auth token, so that the server trusts what they sign; with the first of its
 * shared keys when it trusts only those ({@code twilio.webhook.require-shared-key}).
 */
@ApplicationScoped
public class DevTwilio {
  @Inject TwilioAccounts accounts;
  @Inject WebhookConfig webhooks;

  private FakeTwilio fake;

  /** The server's auth token, which the console signs with. */
  Optional<String> authToken() {
    return accounts.authTokenFor(null);
  }

  /** The fake REST API, made on first use. */
  synchronized FakeTwilio api() {
    if (fake == null) {
      // the console runs for as long as the server: it keeps the messages, not every request
      fake = FakeTwilio.create(authToken().orElseThrow(DevTwilio::noToken)).recordRequests(false);
      requiredKey().ifPresent(fake::sharedKey); // its status callbacks, too
    }
    return fake;
  }

  /** A phone for the server whose application root is {@code base}. */
  TwilioPhone phone(URI base) {
    TwilioPhone phone =
        TwilioPhone.at(base).authToken(authToken().orElseThrow(DevTwilio::noToken)).api(api());
    Optional<SharedKey> key = requiredKey();
    if (key.isPresent()) {
      phone = phone.sharedKey(key.get());
    }
    Optional<String> account = accounts.defaultAccountSid();
    return account.isPresent() ? phone.accountSid(account.get()) : phone;
  }

  /**
   * The key to sign with when the server refuses the auth token's signatures: its first shared key
   * (HMAC-SHA256). The token still authenticates the rules' requests to the fake REST API.
   */
  private Optional<SharedKey> requiredKey() {
    if (!webhooks.requireSharedKey() || webhooks.sharedKeys().isEmpty()) {
      return Optional.empty();
    }
    WebhookConfig.SharedKey first = webhooks.sharedKeys().get(0);
    return Optional.of(SharedKey.of(first.id(), first.secret()));
  }

  private static IllegalStateException noToken() {
    return new IllegalStateException(
        "twilio.auth-token (TWILIO_AUTH_TOKEN) is not set: the console signs its requests with it,"
            + " and the server refuses unsigned ones");
  }

  @PreDestroy
  synchronized void close() {
    if (fake != null) {
      fake.close();
    }
  }
}
