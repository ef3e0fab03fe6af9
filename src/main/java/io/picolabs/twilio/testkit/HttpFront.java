package io.picolabs.twilio.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fake Twilio served over HTTP on loopback by the JDK's own server, for a server under test
 * whose {@code twilio.api-url} points at it. Requests are served concurrently, as Twilio serves
 * them, on daemon threads so that a forgotten fake does not keep a JVM alive: a slow answer holds
 * up no other.
 *
 * <p>The port can be closed and opened again (the same port), to play a Twilio that cannot be
 * reached for a while.
 */
final class HttpFront implements AutoCloseable {
  // the JDK's default backlog is small: a sender with many requests in flight must not be refused
  private static final int BACKLOG = 1000;

  private final FakeTwilio fake;
  private final int port;
  // paths served besides the fake (the standalone fake's counters); guarded by this
  private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fake-twilio-http");
            thread.setDaemon(true);
            return thread;
          });
  private HttpServer server; // guarded by this; null while the port is closed

  /** Serves {@code fake} on 127.0.0.1 at {@code port} (0: a free one). */
  HttpFront(FakeTwilio fake, int port) {
    this.fake = fake;
    try {
      server = bind(port);
    } catch (UncheckedIOException e) {
      threads.shutdownNow();
      throw e;
    }
    this.port = server.getAddress().getPort();
  }

  private HttpServer bind(int onPort) {
    HttpServer bound;
    try {
      bound =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
    }
    bound.createContext("/", this::serve);
    routes.forEach(bound::createContext);
    bound.setExecutor(threads);
    bound.start();
    return bound;
  }

  int port() {
    return port;
  }

  /** Serves {@code path} (and below) with {@code handler} instead of the fake, now and reopened. */
  synchronized void route(String path, HttpHandler handler) {
    routes.put(path, handler);
    if (server != null) {
      server.createContext(path, handler);
    }
  }

  /**
   * Stops listening: connections are refused until {@link #reopen}. Open connections are cut, so
   * that an answer still being written is lost.
   */
  synchronized void closePort() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Listens again on the same port. */
  synchronized void reopen() {
    if (server == null) {
      server = bind(port);
    }
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      FakeTwilio.Answer answer =
          fake.serve(
              new FakeTwilio.Request(
                  exchange.getRequestMethod(),
                  uri.getRawPath(),
                  uri.getRawQuery(),
                  exchange.getRequestHeaders(),
                  body));
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      Duration pause = fake.trickleOf(exchange.getRequestMethod());
      if (out.length > 0 && pause.isZero()) {
        exchange.getResponseBody().write(out);
      } else if (out.length > 0) {
        OutputStream stream = exchange.getResponseBody();
        for (byte b : out) {
          stream.write(b);
          stream.flush();
          Thread.sleep(pause.toMillis());
        }
      }
    } catch (IOException e) {
      // the client gave up, or the port was closed while the answer waited: the answer is lost,
      // as Twilio's would be, and what the fake accepted stays accepted
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the fake is closing: the answer is cut
    }
  }

  /** Stops listening at once (open exchanges are cut) and ends the threads. */
  @Override
  public void close() {
    closePort();
    threads.shutdownNow();
  }
}
