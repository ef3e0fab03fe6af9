package io.picolabs.twilio.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The fake Twilio run on its own ({@link FakeTwilio#main}), for scripts/benchmark: a slow Twilio
 * whose delay the script changes as it runs, and counters that tell the script whether every
 * message of the server reached Twilio exactly once.
 */
final class Standalone {
  private static final Pattern MESSAGES =
      Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");

  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private Standalone() {}

  static void main(String[] args, String authToken) throws InterruptedException {
    if (args.length != 2) {
      System.err.println(
          "usage: java -cp <classes> io.picolabs.twilio.testkit.FakeTwilio PORT DELAY_MS"
              + " (auth token in TWILIO_AUTH_TOKEN)");
      System.exit(2);
    }
    if (authToken == null || authToken.isEmpty()) {
      System.err.println("TWILIO_AUTH_TOKEN is not set: the fake checks the server's credentials");
      System.exit(2);
    }
    long delay = Long.parseLong(args[1]);
    // The JDK's server writes an answer's head and body apart; with Nagle's algorithm on, the body
    // then waits for the client's delayed ACK (40 ms here), which made the fake's 200 ms answers
    // take 240 ms. Read when its first server starts, so set before.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    FakeTwilio fake = start(authToken, Integer.parseInt(args[0]), Duration.ofMillis(delay));
    System.out.println("fake Twilio on " + fake.url() + ", answering after " + delay + " ms");
    Thread.currentThread().join(); // until killed: the fake's threads are daemons
  }

  /**
   * The fake on {@code port}, answering creates after {@code delay}, with messages that stay
   * queued, requests counted and not kept, and the counters' paths.
   */
  static FakeTwilio start(String authToken, int port, Duration delay) {
    FakeTwilio fake =
        FakeTwilio.start(authToken, port)
            .recordRequests(false)
            .messagesStayQueued()
            .slowDown(delay);
    Standalone counters = new Standalone();
    fake.onRequest(counters::count);
    HttpFront front = fake.front();
    front.route("/count", exchange -> counters.answer(exchange, "GET", counters.posts));
    front.route("/duplicates", exchange -> counters.answer(exchange, "GET", counters.duplicates));
    front.route("/delay", exchange -> delay(fake, exchange));
    return fake;
  }

  /** Counts a {@code POST} of a message on arrival, and whether its To and Body came before. */
  private void count(FakeTwilio.Request request) {
    if (!request.method().equals("POST") || !MESSAGES.matcher(request.path()).matches()) {
      return;
    }
    posts.incrementAndGet();
    Map<String, List<String>> form = request.form();
    if (!seen.add(first(form, "To") + "\n" + first(form, "Body"))) {
      duplicates.incrementAndGet();
    }
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private void answer(HttpExchange exchange, String method, AtomicLong counter) throws IOException {
    if (exchange.getRequestMethod().equals(method)
        && exchange.getHttpContext().getPath().equals(exchange.getRequestURI().getPath())) {
      text(exchange, 200, counter.get() + "\n");
    } else {
      text(exchange, 404, "not found\n");
    }
  }

  /** {@code POST /delay?ms=N}: creates are answered after N ms from now on. */
  private static void delay(FakeTwilio fake, HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")
        || !exchange.getRequestURI().getPath().equals("/delay")) {
      text(exchange, 404, "not found\n");
      return;
    }
    List<String> ms = Form.decode(exchange.getRequestURI().getRawQuery()).get("ms");
    long millis;
    try {
      millis = Long.parseLong(ms == null ? "" : ms.get(0));
      fake.slowDown(Duration.ofMillis(millis));
    } catch (IllegalArgumentException e) { // not a number, or negative
      text(exchange, 400, "ms must be a number of milliseconds, 0 or more\n");
      return;
    }
    text(exchange, 200, millis + "\n");
  }

  private static void text(HttpExchange exchange, int status, String text) throws IOException {
    try (exchange) {
      byte[] out = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
    }
  }
}
