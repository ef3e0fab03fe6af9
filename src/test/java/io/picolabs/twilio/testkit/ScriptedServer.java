package io.picolabs.twilio.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A server of fixed answers on loopback, standing in for a rules server in the kit's own tests:
 * each path answers what its script says for the request's parameters; every request is kept, with
 * whether its signature checked out.
 */
final class ScriptedServer implements AutoCloseable {
  static final String TOKEN = "kit-token";
  static final String XML = "application/xml;charset=UTF-8";

  /**
   * One request as the server saw it: {@code signed} whether its signature is the auth token's,
   * {@code signature} and {@code settings} its {@code X-Twilio-Signature} and {@code
   * X-Twilio-Webhooks-Signature-Settings} as they came ({@code null} when missing).
   */
  record Seen(
      String method,
      String url,
      Map<String, String> params,
      boolean signed,
      String token,
      String signature,
      String settings,
      Map<String, List<String>> form) {}

  /** An answer. */
  record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Function<Map<String, String>, Answer>> scripts =
      new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  ScriptedServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String url = base() + exchange.getRequestURI().toString().substring(1);
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean get = exchange.getRequestMethod().equals("GET");
          Map<String, List<String>> form =
              Form.decode(get ? exchange.getRequestURI().getRawQuery() : body);
          String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
          boolean signed =
              signature != null
                  && signature.equals(Signature.of(TOKEN, url, get ? Map.of() : form));
          Map<String, String> params = new java.util.LinkedHashMap<>();
          form.forEach((name, values) -> params.put(name, values.get(0)));
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  url,
                  params,
                  signed,
                  exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token"),
                  signature,
                  exchange.getRequestHeaders().getFirst("X-Twilio-Webhooks-Signature-Settings"),
                  get ? Map.of() : form));
          Function<Map<String, String>, Answer> script =
              scripts.get(exchange.getRequestURI().getPath());
          Answer answer =
              script == null ? new Answer(404, "text/plain", "no script") : script.apply(params);
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
          exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** The server's root URL, ending with a slash. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** {@code path} answers {@code twiml} (inside a Response) to everything. */
  ScriptedServer twiml(String path, String twiml) {
    return script(path, params -> new Answer(200, XML, "<Response>" + twiml + "</Response>"));
  }

  /** {@code path} answers what {@code script} makes of the request's parameters. */
  ScriptedServer script(String path, Function<Map<String, String>, Answer> script) {
    scripts.put(path, script);
    return this;
  }

  /** The paths requested, in order, each with its method. */
  List<String> requested() {
    return seen.stream()
        .map(s -> s.method() + " " + s.url().substring(base().length() - 1))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
