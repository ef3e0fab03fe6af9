package io.picolabs.twilio.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.picolabs.twilio.http.FormBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fake of Twilio's REST API on loopback: it records every request exactly as it arrived and
 * answers from a script, or, with nothing scripted, as Twilio answers a request it accepted.
 *
 * <p>Like Twilio, it keeps what it accepted, from the moment the request arrived: a client that
 * gives up waiting for a slow answer ({@link #slowDown}) or loses it ({@link Answer#acceptedThen})
 * finds the message or call by listing them ({@code GET …/Messages.json}, {@code GET
 * …/Calls.json}), newest first. Requests are served concurrently, so a slow answer holds up no
 * other.
 */
public final class FakeTwilioApi {

  /** A request as it reached the fake; {@code query} is the raw query string, or {@code null}. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, String body, String query) {

    public Request(String method, String path, Map<String, List<String>> headers, String body) {
      this(method, path, headers, body, null);
    }

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

    /** The query's parameters, URL-decoded as a server decodes them ({@code +} is a space). */
    public Map<String, List<String>> queryParams() {
      Map<String, List<String>> params = new LinkedHashMap<>();
      if (query == null || query.isEmpty()) {
        return params;
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      return params;
    }
  }

  /**
   * A scripted answer to a POST; {@code delayMillis} before it, to simulate a slow Twilio. With
   * {@code accepted}, the message or call is kept as Twilio keeps one it accepted (it shows in the
   * lists), whatever the answer says; without, nothing is kept: Twilio refused it.
   */
  public record Answer(
      int status, String json, Map<String, String> headers, long delayMillis, boolean accepted) {

    /** An answer to a request Twilio refused: nothing is kept. */
    public Answer(int status, String json, Map<String, String> headers, long delayMillis) {
      this(status, json, headers, delayMillis, false);
    }

    /**
     * Twilio accepted the request, but the answer was lost: the message or call is kept and shows
     * in the lists, while the client gets {@code status} and {@code json} (a 500, say).
     */
    public static Answer acceptedThen(int status, String json) {
      return new Answer(status, json, Map.of(), 0, true);
    }
  }

  /**
   * A message or call Twilio accepted: {@code body} is {@code null} for a call and {@code url} for
   * a message; {@code dateCreated} in Twilio's RFC 2822 form.
   */
  public record Resource(
      String sid,
      String accountSid,
      String to,
      String from,
      String body,
      int numMedia,
      String url,
      String status,
      String dateCreated) {

    public boolean isCall() {
      return sid.startsWith("CA");
    }

    /** The resource as Twilio shows it, in a create's answer and in a list: numbers as strings. */
    public String json() {
      String common =
          "\"sid\":\""
              + sid
              + "\",\"account_sid\":"
              + quote(accountSid)
              + ",\"status\":"
              + quote(status)
              + ",\"to\":"
              + quote(to)
              + ",\"from\":"
              + quote(from)
              + ",\"date_created\":"
              + quote(dateCreated)
              + ",\"date_updated\":"
              + quote(dateCreated);
      if (isCall()) {
        return "{" + common + ",\"direction\":\"outbound-api\"}";
      }
      return "{"
          + common
          + ",\"body\":"
          + quote(body)
          + ",\"num_segments\":\"1\",\"num_media\":\""
          + numMedia
          + "\",\"direction\":\"outbound-api\",\"error_code\":null,\"error_message\":null,"
          + "\"date_sent\":null}";
    }
  }

  private static final Pattern LIST =
      Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
  private static final Pattern ACCOUNT = Pattern.compile("/2010-04-01/Accounts/([^/]+)/.*");
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
  private static final int DEFAULT_PAGE_SIZE = 50;

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final Queue<Answer> listScript = new ConcurrentLinkedQueue<>();
  private final AtomicLong sids = new AtomicLong();
  // 0: SIDs number from 1 after each reset; else the first SID, never reset (see uniqueSids)
  private final long firstSid;
  // in the order accepted; guarded by itself, so that SIDs and order agree
  private final List<Resource> accepted = new ArrayList<>();
  private volatile long slowDownMillis;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fake-twilio");
            thread.setDaemon(true);
            return thread;
          });
  private final int port;
  private HttpServer server;

  private FakeTwilioApi(long firstSid) {
    this.firstSid = firstSid;
    this.sids.set(firstSid);
    this.server = bind(0);
    this.port = server.getAddress().getPort();
  }

  /** A fake whose SIDs number from 1 after each {@link #reset}, for exact assertions. */
  public static FakeTwilioApi start() {
    return new FakeTwilioApi(0);
  }

  /**
   * A fake whose SIDs are never reused, by this fake or any other, across resets and runs, as
   * Twilio's: for a server that keeps the SIDs it saw (the outbox) in a database that outlives a
   * test.
   */
  public static FakeTwilioApi startWithUniqueSids() {
    return new FakeTwilioApi(System.currentTimeMillis() * 1000 + UNIQUE.getAndAdd(100_000));
  }

  private static final AtomicLong UNIQUE = new AtomicLong();

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Every request received, GETs included, in order of arrival. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The POSTs received (creates), in order of arrival. */
  public List<Request> posts() {
    return requests.stream().filter(r -> r.method().equals("POST")).toList();
  }

  /** The messages and calls accepted, oldest first (SIDs number them from 1 after a reset). */
  public List<Resource> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  /** Forgets the requests, the scripts, what was accepted, and any {@link #slowDown}. */
  public void reset() {
    requests.clear();
    script.clear();
    listScript.clear();
    synchronized (accepted) {
      accepted.clear();
      if (firstSid == 0) {
        sids.set(0);
      }
    }
    slowDownMillis = 0;
  }

  /**
   * Waits {@code millis} before answering a create the script does not decide: a slow Twilio. The
   * create is kept when it arrives, before the wait; lists are answered at once, so that a client
   * that gave up on a create can find it.
   */
  public void slowDown(long millis) {
    slowDownMillis = millis;
  }

  public void then(int status, String json) {
    script.add(new Answer(status, json, Map.of(), 0));
  }

  /** The next POST gets {@code answer}; GETs never take it (see {@link #thenList}). */
  public void then(Answer answer) {
    script.add(answer);
  }

  /**
   * The next GET gets {@code answer} instead of the list (a list that fails); like {@link
   * #then(Answer)}, but only GETs take these answers, and only these.
   */
  public void thenList(Answer answer) {
    listScript.add(answer);
  }

  /**
   * Closes the port: connections are refused until {@link #reopen}. Open connections are closed
   * too, so a client's kept-alive connection goes stale: a request sent on it gets no answer (an
   * unknown outcome, not a refusal) unless the client checks the connection first.
   */
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
      created.setExecutor(executor);
      created.start();
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) {
    try {
      String body =
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body,
              exchange.getRequestURI().getRawQuery());
      requests.add(request);
      Answer answer = request.method().equals("GET") ? list(request) : create(request);
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
    } catch (IOException e) {
      // the client gave up or the port was closed while the answer waited: as for Twilio, the
      // answer is lost, and what was accepted stays accepted
    } finally {
      exchange.close();
    }
  }

  /** A POST: the scripted answer, else accepted now and answered after {@link #slowDown}. */
  private Answer create(Request request) {
    Answer scripted = script.poll();
    if (scripted != null) {
      if (scripted.accepted()) {
        accept(request);
      }
      return scripted;
    }
    return new Answer(201, accept(request).json(), Map.of(), slowDownMillis);
  }

  private Resource accept(Request request) {
    Map<String, List<String>> form = request.form();
    Matcher account = ACCOUNT.matcher(request.path());
    boolean call = request.path().endsWith("/Calls.json");
    synchronized (accepted) {
      Resource resource =
          new Resource(
              (call ? "CA" : "SM") + String.format("%032d", sids.incrementAndGet()),
              account.matches() ? account.group(1) : null,
              first(form, "To"),
              first(form, "From"),
              call ? null : first(form, "Body"),
              form.getOrDefault("MediaUrl", List.of()).size(),
              call ? first(form, "Url") : null,
              "queued",
              RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC)));
      accepted.add(resource);
      return resource;
    }
  }

  private static String first(Map<String, List<String>> form, String name) {
    return form.getOrDefault(name, List.of("")).get(0);
  }

  /**
   * A GET of {@code Messages.json} or {@code Calls.json}: the account's accepted resources of that
   * kind matching {@code To} and {@code From}, newest first, at most {@code PageSize}, as the first
   * page of Twilio's list.
   */
  private Answer list(Request request) {
    Answer scripted = listScript.poll();
    if (scripted != null) {
      return scripted;
    }
    Matcher matcher = LIST.matcher(request.path());
    if (!matcher.matches()) {
      return error(404, 20404, "The requested resource " + request.path() + " was not found");
    }
    String accountSid = matcher.group(1);
    boolean calls = matcher.group(2).equals("Calls");
    Map<String, List<String>> query = request.queryParams();
    String to = query.containsKey("To") ? query.get("To").get(0) : null;
    String from = query.containsKey("From") ? query.get("From").get(0) : null;
    int pageSize;
    try {
      pageSize =
          query.containsKey("PageSize")
              ? Integer.parseInt(query.get("PageSize").get(0))
              : DEFAULT_PAGE_SIZE;
    } catch (NumberFormatException e) {
      return error(400, 20001, "Invalid PageSize");
    }
    List<Resource> all = accepted();
    List<Resource> matching = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Resource resource = all.get(i);
      if (resource.isCall() == calls
          && accountSid.equals(resource.accountSid())
          && (to == null || to.equals(resource.to()))
          && (from == null || from.equals(resource.from()))) {
        matching.add(resource);
      }
    }
    List<Resource> page = matching.subList(0, Math.min(pageSize, matching.size()));
    String uri = request.path() + (request.query() == null ? "" : "?" + request.query());
    String json =
        "{\""
            + (calls ? "calls" : "messages")
            + "\":["
            + page.stream().map(Resource::json).collect(Collectors.joining(","))
            + "],\"end\":"
            + Math.max(page.size() - 1, 0)
            + ",\"first_page_uri\":"
            + quote(uri)
            + ",\"next_page_uri\":"
            + (matching.size() > pageSize ? quote(request.path() + "?Page=1") : "null")
            + ",\"page\":0,\"page_size\":"
            + pageSize
            + ",\"previous_page_uri\":null,\"start\":0,\"uri\":"
            + quote(uri)
            + "}";
    return new Answer(200, json, Map.of(), 0); // slowDown is for creates: lists stay quick
  }

  private static Answer error(int status, int code, String message) {
    return new Answer(
        status,
        "{\"code\":"
            + code
            + ",\"message\":"
            + quote(message)
            + ",\"more_info\":\"https://www.twilio.com/docs/errors/"
            + code
            + "\",\"status\":"
            + status
            + "}",
        Map.of(),
        0);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
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
}
