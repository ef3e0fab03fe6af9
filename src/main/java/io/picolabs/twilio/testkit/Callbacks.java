package io.picolabs.twilio.testkit;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fake Twilio's status callbacks to the server: signed as Twilio signs them (with the auth
 * token of the account the message or call belongs to, or with the shared key the fake was given),
 * timed on one daemon thread of their own (so that one message's callbacks keep their order and
 * never hold up an answer), and every one kept with the server's answer.
 */
final class Callbacks implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Callbacks.class.getName());

  private final String defaultToken;
  // one client per auth token: an account with a token of its own signs with it, as Twilio does
  private final Map<String, Webhooks> webhooks = new ConcurrentHashMap<>();
  // set: every callback is signed with this shared key instead, whatever its account
  private volatile Webhooks keyed;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread callbacks = new Thread(task, "fake-twilio-callbacks");
            callbacks.setDaemon(true); // a test that forgets close() must still end
            return callbacks;
          });

  /** Callbacks signed with {@code authToken} unless {@link #post(String, String, String, Map)}. */
  Callbacks(String authToken) {
    this.defaultToken = authToken;
  }

  /** {@link #post(String, String, String, Map)} signed with the default auth token. */
  Exchange post(String method, String url, Map<String, String> params) {
    return post(defaultToken, method, url, params);
  }

  /** Signs every callback from now on with {@code key} instead of an auth token. */
  void signWith(SharedKey key) {
    keyed = new Webhooks(key);
  }

  /**
   * Requests {@code url} with {@code params}, signed with {@code authToken} (or the shared key,
   * when one was given: {@link #signWith}), and keeps the exchange. A callback that could not be
   * delivered (a refused connection, a timeout, a malformed URL) is kept as an exchange of status 0
   * whose body is the error, as Twilio logs a failed callback and carries on.
   */
  Exchange post(String authToken, String method, String url, Map<String, String> params) {
    Exchange exchange;
    try {
      Webhooks signing = keyed;
      if (signing == null) {
        signing = webhooks.computeIfAbsent(authToken, Webhooks::new);
      }
      exchange = signing.send(method, URI.create(url), params);
    } catch (RuntimeException e) {
      exchange = new Exchange(method, url, new LinkedHashMap<>(params), 0, "", e.toString());
    }
    exchanges.add(exchange);
    return exchange;
  }

  /** Runs {@code step} on the callback thread after {@code delay}; nothing once closed. */
  void later(Duration delay, Runnable step) {
    try {
      thread.schedule(
          () -> {
            try {
              step.run();
            } catch (RuntimeException e) {
              // the next message's callbacks still go: one bad step must not stop the thread
              LOG.log(Level.WARNING, "status callback step failed", e);
            }
          },
          delay.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // closed: the fake is going away, and its pending callbacks with it
    }
  }

  List<Exchange> all() {
    return List.copyOf(exchanges);
  }

  /** Forgets the exchanges so far. */
  void clear() {
    exchanges.clear();
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
