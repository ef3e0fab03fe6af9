package io.picolabs.twilio.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends messages and places calls through Twilio's REST API, for the account a rule names.
 *
 * <p>Retries follow what a retry can cost. A 429 (Twilio error 20429) was never processed and a
 * refused connection never arrived, so both are retried with exponential backoff ({@link
 * RetryPolicy}). Any other 4xx is Twilio's final word ({@link TwilioError}). A 5xx or a lost answer
 * after the request was sent might mean the message is already on its way, and a retry could send
 * it twice, so it is reported as {@link OutcomeUnknown} and not retried.
 */
@ApplicationScoped
public class TwilioRest {
  private static final Logger LOG = Logger.getLogger(TwilioRest.class.getName());
  static final String DEFAULT_API_URL = "https://api.twilio.com";

  private TwilioAccounts accounts;
  private URI apiUrl;
  private RetryPolicy retry;
  private Duration connectTimeout;
  private Duration readTimeout;
  private final Map<Account, TwilioApi> clients = new ConcurrentHashMap<>();

  protected TwilioRest() {}

  @Inject
  TwilioRest(TwilioAccounts accounts, Config config) {
    this.accounts = accounts;
    this.apiUrl =
        URI.create(config.getOptionalValue("twilio.api-url", String.class).orElse(DEFAULT_API_URL));
    this.retry =
        new RetryPolicy(
            config.getOptionalValue("twilio.retry.max-attempts", Integer.class).orElse(4),
            millis(config, "twilio.retry.initial-delay-ms", 500),
            millis(config, "twilio.retry.max-delay-ms", 8000));
    this.connectTimeout = millis(config, "twilio.connect-timeout-ms", 5000);
    this.readTimeout = millis(config, "twilio.read-timeout-ms", 15000);
  }

  private static Duration millis(Config config, String key, long fallback) {
    return Duration.ofMillis(config.getOptionalValue(key, Long.class).orElse(fallback));
  }

  /** Throws {@link MissingCredentials} unless account {@code name} is fully configured. */
  public void checkAccount(String name) {
    accounts.account(name);
  }

  /** Sends {@code sms} from account {@code accountName} ({@code null}: the default account). */
  public SentMessage sendSms(String accountName, OutgoingSms sms) {
    Account account = accounts.account(accountName);
    return withRetries(
        "send_sms to " + sms.to(),
        () -> client(account).createMessage(account.sid(), sms.toForm()));
  }

  /** Places {@code call} from account {@code accountName} ({@code null}: the default account). */
  public PlacedCall placeCall(String accountName, OutgoingCall call) {
    Account account = accounts.account(accountName);
    return withRetries(
        "place_call to " + call.to(),
        () -> client(account).createCall(account.sid(), call.toForm()));
  }

  private <T> T withRetries(String what, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      Duration requestedDelay;
      RuntimeException failure;
      try {
        return request.get();
      } catch (TwilioError e) {
        if (!e.isRetryable() || attempt >= retry.maxAttempts()) {
          throw e;
        }
        failure = e;
        requestedDelay = e.retryAfter();
      } catch (OutcomeUnknown e) {
        throw new OutcomeUnknown(what, e.reason(), e);
      } catch (ProcessingException e) {
        if (e.getCause() instanceof TwilioError || e.getCause() instanceof OutcomeUnknown) {
          throw rethrow(what, (RuntimeException) e.getCause());
        }
        if (!neverSent(e)) {
          throw new OutcomeUnknown(what, e.getMessage(), e);
        }
        if (attempt >= retry.maxAttempts()) {
          throw new TwilioUnreachable(what, attempt, rootCause(e));
        }
        failure = e;
        requestedDelay = null;
      }
      Duration delay = retry.delayAfter(attempt, requestedDelay);
      int failedAttempt = attempt;
      LOG.info(
          () ->
              what
                  + ": attempt "
                  + failedAttempt
                  + " failed ("
                  + rootMessage(failure)
                  + "), retrying in "
                  + delay.toMillis()
                  + " ms");
      sleep(delay, failure);
    }
  }

  private static RuntimeException rethrow(String what, RuntimeException cause) {
    return cause instanceof OutcomeUnknown unknown
        ? new OutcomeUnknown(what, unknown.reason(), unknown)
        : cause;
  }

  private static void sleep(Duration delay, RuntimeException failure) {
    try {
      TimeUnit.MILLISECONDS.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /** Whether the failure happened before any byte of the request could reach Twilio. */
  static boolean neverSent(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof java.net.http.HttpConnectTimeoutException) {
        return true;
      }
      if (t instanceof SocketTimeoutException
          && t.getMessage() != null
          && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = rootCause(error);
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private TwilioApi client(Account account) {
    return clients.computeIfAbsent(
        account,
        a ->
            RestClientBuilder.newBuilder()
                .baseUri(apiUrl)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(new BasicAuth(a))
                .register(new TwilioErrors())
                .build(TwilioApi.class));
  }
}
