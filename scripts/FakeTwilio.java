import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow fake of Twilio's Messages resource on loopback, for scripts/benchmark. Needs only Java:
 *
 * <pre>
 * java scripts/FakeTwilio.java PORT DELAY_MS
 * </pre>
 *
 * <ul>
 *   <li>{@code POST /2010-04-01/Accounts/{sid}/Messages.json} (form: To, From, Body): counted on
 *       arrival, answered after DELAY_MS with 201 and the message as Twilio shows one it queued;
 *   <li>{@code GET …/Messages.json}: {@code {"messages":[]}} at once (the sender's reconciliation
 *       asks it only when an answer was lost, which should not happen here);
 *   <li>{@code GET /count}: the number of POSTs received so far, as plain text;
 *   <li>{@code GET /duplicates}: how many of them repeated the To and Body of an earlier one;
 *   <li>{@code POST /delay?ms=N}: answers the POSTs after N ms from now on.
 * </ul>
 *
 * Every request holds one thread of an unbounded pool while it waits, so slow answers never queue
 * behind each other: the sender, not the fake, bounds how many are in flight.
 */
public class FakeTwilio {
  private static final Pattern MESSAGES =
      Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private static final AtomicLong posts = new AtomicLong();
  private static final AtomicLong duplicates = new AtomicLong();
  private static final Set<String> seen = ConcurrentHashMap.newKeySet();
  // SIDs: a random prefix per run, then a counter, so that no two runs hand out the same SID
  private static final long run = new SecureRandom().nextLong();
  private static final AtomicLong sids = new AtomicLong();
  private static volatile long delayMillis;

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java scripts/FakeTwilio.java PORT DELAY_MS");
      System.exit(2);
    }
    delayMillis = Long.parseLong(args[1]);
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])),
            1000);
    server.createContext("/", FakeTwilio::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    System.out.println(
        "fake Twilio on " + server.getAddress() + ", answering after " + args[1] + " ms");
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Matcher messages = MESSAGES.matcher(path);
      if (method.equals("POST") && messages.matches()) {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posts.incrementAndGet();
        String to = param(form, "To");
        String body = param(form, "Body");
        if (!seen.add(to + "\n" + body)) {
          duplicates.incrementAndGet();
        }
        String json = created(messages.group(1), to, param(form, "From"), body);
        sleep(delayMillis);
        answer(exchange, 201, "application/json", json);
      } else if (method.equals("GET") && messages.matches()) {
        answer(exchange, 200, "application/json", "{\"messages\":[]}");
      } else if (method.equals("GET") && path.equals("/count")) {
        answer(exchange, 200, "text/plain", posts.get() + "\n");
      } else if (method.equals("GET") && path.equals("/duplicates")) {
        answer(exchange, 200, "text/plain", duplicates.get() + "\n");
      } else if (method.equals("POST") && path.equals("/delay")) {
        String query = exchange.getRequestURI().getRawQuery();
        delayMillis = Long.parseLong(param(query == null ? "" : query, "ms"));
        answer(exchange, 200, "text/plain", delayMillis + "\n");
      } else {
        answer(exchange, 404, "text/plain", "not found\n");
      }
    } catch (IOException | RuntimeException e) {
      // the client gave up, or a bad /delay: nothing to keep
      System.err.println(exchange.getRequestURI() + ": " + e);
    }
  }

  /** Twilio's answer to a message it queued: numbers as strings and RFC 2822 dates, as Twilio's. */
  private static String created(String account, String to, String from, String body) {
    String sid = String.format("SM%016x%016x", run, sids.incrementAndGet());
    String now = quote(RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC)));
    return """
        {"sid":"%s","account_sid":%s,"status":"queued","to":%s,"from":%s,"body":%s,\
        "num_segments":"1","num_media":"0","direction":"outbound-api","error_code":null,\
        "error_message":null,"date_created":%s,"date_updated":%s,"date_sent":null,\
        "uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}"""
        .formatted(
            sid, quote(account), quote(to), quote(from), quote(body), now, now, account, sid);
  }

  /** The first value of {@code name} in a form or query string, URL-decoded; null if absent. */
  private static String param(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String quote(String text) {
    if (text == null) {
      return "null";
    }
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] out = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, out.length);
    exchange.getResponseBody().write(out);
  }
}
