package io.picolabs.twilio.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fake Twilio served over HTTP on loopback by the JDK's own server, for a server under test
 * whose {@code twilio.api-url} points at it. Requests are served concurrently, as Twilio serves
 * them, on daemon threads so that a forgotten fake does not keep a JVM alive.
 */
final class HttpFront implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fake-twilio-http");
            thread.setDaemon(true);
            return thread;
          });

  /** Serves {@code fake} on 127.0.0.1 at {@code port} (0: a free one). */
  HttpFront(FakeTwilio fake, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    server.createContext("/", exchange -> serve(fake, exchange));
    server.setExecutor(threads);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void serve(FakeTwilio fake, HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      FakeTwilio.Answer answer =
          fake.handle(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body);
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      if (answer.status() == 401) {
        // HTTP wants the challenge with every 401; Twilio sends this one
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
      }
      exchange.sendResponseHeaders(answer.status(), out.length);
      exchange.getResponseBody().write(out);
    }
  }

  /** Stops listening at once (open exchanges are cut) and ends the threads. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
