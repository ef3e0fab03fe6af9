package io.picolabs.twilio.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.picolabs.twilio.webhook.FormBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Twilio's REST API on loopback: it records every request exactly as it arrived and
 * answers from a script, or, with nothing scripted, as Twilio answers a request it accepted.
 */
public final class FakeTwilioApi {

  /** A request as it reached the fake. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public Map<String, List<String>> form() {
      return FormBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** A scripted answer; {@code delayMillis} before it, to simulate a slow Twilio. */
  public record Answer(int status, String json, Map<String, String> headers, long delayMillis) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sids = new AtomicInteger();
  private final int port;
  private HttpServer server;

  private FakeTwilioApi() {
    this.server = bind(0);
    this.port = server.getAddress().getPort();
  }

  public static FakeTwilioApi start() {
    return new FakeTwilioApi();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests and the script. */
  public void reset() {
    requests.clear();
    script.clear();
    sids.set(0);
  }

  public void then(int status, String json) {
    script.add(new Answer(status, json, Map.of(), 0));
  }

  public void then(Answer answer) {
    script.add(answer);
  }

  /** Closes the port: connections are refused until {@link #reopen}. */
  public synchronized void close() {
    server.stop(0);
  }

  public synchronized void reopen() {
    server = bind(port);
  }

  private HttpServer bind(int onPort) {
    try {
      HttpServer created =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
      created.createContext("/", this::handle);
      created.start();
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    requests.add(request);
    Answer answer = script.poll();
    if (answer == null) {
      answer = new Answer(201, accepted(request), Map.of(), 0);
    }
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(answer.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  /** What Twilio answers to a create: the resource, numbers as strings, RFC 2822 dates. */
  private String accepted(Request request) {
    Map<String, List<String>> form = request.form();
    boolean call = request.path().endsWith("/Calls.json");
    String sid = (call ? "CA" : "SM") + String.format("%032d", sids.incrementAndGet());
    String to = form.getOrDefault("To", List.of("")).get(0);
    String from = form.getOrDefault("From", List.of("")).get(0);
    String common =
        "\"sid\":\""
            + sid
            + "\",\"status\":\"queued\",\"to\":"
            + json(to)
            + ",\"from\":"
            + json(from)
            + ",\"date_created\":\"Thu, 30 Jul 2015 20:12:31 +0000\","
            + "\"date_updated\":\"Thu, 30 Jul 2015 20:12:31 +0000\"";
    if (call) {
      return "{" + common + ",\"direction\":\"outbound-api\"}";
    }
    String body = form.getOrDefault("Body", List.of("")).get(0);
    return "{"
        + common
        + ",\"body\":"
        + json(body)
        + ",\"num_segments\":\"1\",\"num_media\":\""
        + form.getOrDefault("MediaUrl", List.of()).size()
        + "\",\"error_code\":null,\"error_message\":null,\"date_sent\":null}";
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
