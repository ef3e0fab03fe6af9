package io.picolabs.twilio.rest;

import io.picolabs.twilio.config.OutboxConfig;
import io.picolabs.twilio.config.RestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends messages and places calls through Twilio's REST API, for the account a rule names; and
 * reads and updates the account's numbers ({@link #incomingNumber}, {@link #updateWebhooks}).
 *
 * <p>Retries follow what a retry can cost. A 429 (Twilio error 20429) was never processed and a
 * refused connection never arrived, so both are retried with exponential backoff ({@link
 * RetryPolicy}). Any other 4xx is Twilio's final word ({@link TwilioError}). A 5xx or a lost answer
 * after the request was sent might mean the message is already on its way, and a retry could send
 * it twice, so it is reported as {@link OutcomeUnknown} and not retried.
 *
 * <p>A sender that schedules its own retries uses the single attempts ({@link #sendSmsOnce}, {@link
 * #placeCallOnce}), which report the same outcomes without waiting, and the lists ({@link
 * #recentMessages}, {@link #recentCalls}) to find out whether Twilio accepted a request whose
 * answer was lost.
 */
@ApplicationScoped
public class TwilioRest {
  private static final Logger LOG = Logger.getLogger(TwilioRest.class.getName());
  static final String DEFAULT_API_URL = "https://api.twilio.com";

  /** The largest {@code PageSize} Twilio's list resources take. */
  public static final int MAX_PAGE_SIZE = 1000;

  // a full E.164 number as the filter matches itself and at most a few longer numbers
  private static final int NUMBER_PAGE_SIZE = 50;

  // Connections to Twilio per account beside the outbox's requests in flight: what rules, the
  // console and the numbers' wiring ask directly. The REST client's own default is 50 in all, which
  // held a sender of 64 in flight to 50 (docs/performance.md).
  private static final int OTHER_CONNECTIONS = 16;

  private TwilioAccounts accounts;
  private URI apiUrl;
  private RetryPolicy retry;
  private Duration connectTimeout;
  private Duration readTimeout;
  private int connections;
  private final Map<Account, TwilioApi> clients = new ConcurrentHashMap<>();

  protected TwilioRest() {}

  @Inject
  TwilioRest(TwilioAccounts accounts, RestConfig config, OutboxConfig outbox) {
    this.accounts = accounts;
    this.apiUrl = config.apiUrl();
    this.retry = RetryPolicy.of(config);
    this.connectTimeout = config.connectTimeout();
    this.readTimeout = config.readTimeout();
    this.connections = outbox.concurrency() + OTHER_CONNECTIONS;
  }

  /** Throws {@link MissingCredentials} unless account {@code name} is fully configured. */
  public void checkAccount(String name) {
    accounts.account(name);
  }

  /** Sends {@code sms} from account {@code accountName} ({@code null}: the default account). */
  public SentMessage sendSms(String accountName, OutgoingSms sms) {
    return withRetries(createMessage(accountName, sms));
  }

  /** Places {@code call} from account {@code accountName} ({@code null}: the default account). */
  public PlacedCall placeCall(String accountName, OutgoingCall call) {
    return withRetries(createCall(accountName, call));
  }

  /**
   * Sends {@code sms} in exactly one request, for a caller that schedules its own retries: a {@link
   * TwilioError} says whether and when to try again ({@link TwilioError#isRetryable()}, {@link
   * TwilioError#retryAfter()}), {@link TwilioUnreachable} that nothing was sent, {@link
   * OutcomeUnknown} that Twilio may have accepted it ({@link #recentMessages} can tell).
   */
  public SentMessage sendSmsOnce(String accountName, OutgoingSms sms) {
    return once(createMessage(accountName, sms));
  }

  /**
   * Places {@code call} in exactly one request; the outcomes are those of {@link #sendSmsOnce}
   * ({@link #recentCalls} tells whether a call whose outcome is unknown was accepted).
   */
  public PlacedCall placeCallOnce(String accountName, OutgoingCall call) {
    return once(createCall(accountName, call));
  }

  /**
   * The account's most recent messages to {@code to} from {@code from} (either {@code null}: any),
   * newest first, at most {@code pageSize} (1 to {@value #MAX_PAGE_SIZE}): Twilio's first page, so
   * that a sender whose answer was lost can look for what Twilio accepted. A 4xx is a {@link
   * TwilioError}; any other failure, a 5xx included, is {@link TwilioUnreachable}: a list changes
   * nothing, so a failed one only means that Twilio could not be asked.
   */
  public List<SentMessage> recentMessages(
      String accountName, String to, String from, int pageSize) {
    checkPageSize(pageSize);
    Account account = accounts.account(accountName);
    MessagePage page =
        query(
            new Request<>(
                "list messages" + filters(to, from),
                () -> client(account).listMessages(account.sid(), to, from, pageSize)));
    return page == null || page.messages() == null ? List.of() : List.copyOf(page.messages());
  }

  /** The account's most recent calls, as {@link #recentMessages} lists messages. */
  public List<PlacedCall> recentCalls(String accountName, String to, String from, int pageSize) {
    checkPageSize(pageSize);
    Account account = accounts.account(accountName);
    CallPage page =
        query(
            new Request<>(
                "list calls" + filters(to, from),
                () -> client(account).listCalls(account.sid(), to, from, pageSize)));
    return page == null || page.calls() == null ? List.of() : List.copyOf(page.calls());
  }

  /** The SID of account {@code accountName} ({@code null}: the default account). */
  public String accountSid(String accountName) {
    return accounts.account(accountName).sid();
  }

  /**
   * The account's number {@code phoneNumber} (E.164), if the account has it. Twilio's filter
   * matches parts of numbers too, so only the number whose {@code phone_number} is exactly {@code
   * phoneNumber} is taken. Failures as for {@link #recentMessages}: a 4xx is a {@link TwilioError},
   * anything else {@link TwilioUnreachable}.
   */
  public Optional<IncomingNumber> incomingNumber(String accountName, String phoneNumber) {
    Account account = accounts.account(accountName);
    IncomingNumberPage page =
        query(
            new Request<>(
                "look up number " + phoneNumber,
                () ->
                    client(account)
                        .listIncomingNumbers(account.sid(), phoneNumber, NUMBER_PAGE_SIZE)));
    return page == null || page.numbers() == null
        ? Optional.empty()
        : page.numbers().stream().filter(n -> phoneNumber.equals(n.phoneNumber())).findFirst();
  }

  /**
   * Sets where number {@code sid} sends calls, messages and call statuses, and answers the number
   * as Twilio now has it. Setting the same values again changes nothing, so what did not reach
   * Twilio is retried as for {@link #sendSms}; a lost answer is {@link OutcomeUnknown} (the update
   * may or may not be in place: read the number to know).
   */
  public IncomingNumber updateWebhooks(String accountName, String sid, NumberWebhooks webhooks) {
    Account account = accounts.account(accountName);
    return withRetries(
        new Request<>(
            "update number " + sid,
            () -> client(account).updateIncomingNumber(account.sid(), sid, webhooks.toForm())));
  }

  /** A request to Twilio, and what it is for the messages that report its failure. */
  private record Request<T>(String what, Supplier<T> send) {}

  private Request<SentMessage> createMessage(String accountName, OutgoingSms sms) {
    Account account = accounts.account(accountName);
    return new Request<>(
        "send_sms to " + sms.to(),
        () -> client(account).createMessage(account.sid(), sms.toForm()));
  }

  private Request<PlacedCall> createCall(String accountName, OutgoingCall call) {
    Account account = accounts.account(accountName);
    return new Request<>(
        "place_call to " + call.to(),
        () -> client(account).createCall(account.sid(), call.toForm()));
  }

  private static void checkPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "Twilio's page size is 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
    }
  }

  private static String filters(String to, String from) {
    return (to == null ? "" : " to " + to) + (from == null ? "" : " from " + from);
  }

  /**
   * One request, the path every other is built on. Its failure comes out as a {@link TwilioError}
   * (Twilio refused it), an {@link OutcomeUnknown} naming the request (it reached Twilio and no
   * usable answer came back), or the {@link ProcessingException} itself when the request certainly
   * never reached Twilio ({@link #neverSent}): the callers differ in what they make of that one.
   */
  private static <T> T attempt(Request<T> request) {
    try {
      return request.send().get();
    } catch (OutcomeUnknown e) {
      throw new OutcomeUnknown(request.what(), e.reason(), e);
    } catch (ProcessingException e) {
      if (e.getCause() instanceof TwilioError || e.getCause() instanceof OutcomeUnknown) {
        throw rethrow(request.what(), (RuntimeException) e.getCause());
      }
      if (!neverSent(e)) {
        throw new OutcomeUnknown(request.what(), e.getMessage(), e);
      }
      throw e;
    }
  }

  /** One attempt and no retry: a request that never reached Twilio is {@link TwilioUnreachable}. */
  private static <T> T once(Request<T> request) {
    try {
      return attempt(request);
    } catch (ProcessingException e) {
      throw new TwilioUnreachable(request.what(), 1, rootCause(e));
    }
  }

  /**
   * One read-only request: what makes a create's outcome unknown (a 5xx, a read timeout) only means
   * here that no answer came, and asking again is harmless, so it is {@link TwilioUnreachable} too.
   */
  private static <T> T query(Request<T> request) {
    try {
      return once(request);
    } catch (OutcomeUnknown e) {
      Throwable root = rootCause(e);
      // a 5xx has no lower cause than the OutcomeUnknown the mapper made: its reason says it all
      throw new TwilioUnreachable(
          request.what(),
          1,
          root instanceof OutcomeUnknown ? new IOException(e.reason(), e) : root);
    }
  }

  /**
   * Attempts {@code request} until it succeeds, fails for good or runs out of attempts; only what
   * certainly did not reach Twilio's application (a 429, a refused connection) is tried again.
   */
  private <T> T withRetries(Request<T> request) {
    String what = request.what();
    for (int attempt = 1; ; attempt++) {
      Duration requestedDelay;
      RuntimeException failure;
      try {
        return attempt(request);
      } catch (TwilioError e) {
        if (!e.isRetryable() || attempt >= retry.maxAttempts()) {
          throw e;
        }
        failure = e;
        requestedDelay = e.retryAfter();
      } catch (ProcessingException e) { // never sent: attempt() turned the others into the above
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
                // RESTEasy's, passed on by name: MicroProfile's builder has no pool setting
                .property("resteasy.connectionPoolSize", connections)
                .property("resteasy.maxPooledPerRoute", connections)
                .register(new BasicAuth(a))
                .register(new TwilioErrors())
                .build(TwilioApi.class));
  }
}
