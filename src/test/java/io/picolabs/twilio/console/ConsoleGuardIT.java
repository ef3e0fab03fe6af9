package io.picolabs.twilio.console;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.Wars;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only the console's own page drives the console (issue #21, 9), over plain HTTP: a request that
 * acts from another site's page, with the browser's cached credentials, is refused with 403 and
 * nothing is done (no webhook reaches the rules, nothing is kept); from the page's origin it also
 * needs the page's token; a forged {@code Host} gets neither the events token nor a signed webhook;
 * the fake REST API checks credentials before it reads a body and limits bodies.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleGuardIT {
  private static final String NAME = "console-guard";
  private static final String PASSWORD = "console-guard-secret";
  private static final String ACCOUNT = "AC00000000000000000000000000000921";
  private static final String EVIL = "http://evil.example";
  private static final String NO_TOKEN =
      "refused: no or a wrong X-Console-Token (load the console's page again for a new one)";
  private static final String EVIL_ORIGIN =
      "refused: the Origin " + EVIL + " is not the console's (twilio.console.origins adds one)";
  private static final int MAX_BODY = 64 * 1024; // twilio.webhook.max-body-bytes' default

  @Deployment(testable = false)
  static WebArchive deployment() {
    String config =
        String.join(
            "\n",
            "twilio.auth-token=" + AUTH_TOKEN,
            "events.token=" + EVENTS_TOKEN,
            "console.password=" + PASSWORD,
            "twilio.console.enabled=true",
            "twilio.account-sid=" + ACCOUNT,
            "twilio.api-url=http://localhost:"
                + System.getProperty("http.port", "9080")
                + "/"
                + NAME
                + "/fake-twilio",
            "");
    return Wars.project(NAME + ".war")
        .addClass(GuardRules.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  /** The console's page as a browser got it: the session cookie and the token in the page. */
  private record Page(String cookie, String token) {}

  /** An answer read off a socket by hand. */
  private record Raw(int status, Map<String, String> headers, String body) {}

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String login() {
    return basic("admin", PASSWORD);
  }

  /** The console's own origin as the browser has it: the test loads the page on loopback. */
  private String own() {
    return "http://127.0.0.1:" + base.getPort();
  }

  private static String someNumber() {
    return "+1801" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Loads {@code /console} as the browser does, for its session cookie and token. */
  private Page load() {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(uri(base, "console")).header("Authorization", login()).GET());
    assertEquals(200, page.statusCode(), page.body());
    // the page holds the token: no cache keeps it (Liberty adds no-cache=set-cookie of its own)
    String cache = page.headers().firstValue("Cache-Control").orElse("");
    assertTrue(List.of(cache.split(",\\s*")).contains("no-store"), cache);
    Matcher token =
        Pattern.compile("<meta name=\"console-token\" content=\"([A-Za-z0-9_-]{43})\">")
            .matcher(page.body());
    assertTrue(token.find(), page.body());
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
    return new Page(cookie, token.group(1));
  }

  /** {@code POST /console/api/<path>} with the login and {@code headers}. */
  private HttpResponse<String> post(
      String path, Map<String, String> params, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(base, "console/api/" + path))
            .header("Authorization", login())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request);
  }

  /** The headers the console's page sends: its origin, its session, its token. */
  private Map<String, String> fromThePage(Page page) {
    return Map.of("Origin", own(), "Cookie", page.cookie(), "X-Console-Token", page.token());
  }

  private HttpResponse<String> get(String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(uri(base, "console/api/" + pathAndQuery))
            .header("Authorization", login())
            .GET());
  }

  private static void assertPlain(int status, String body, HttpResponse<String> response) {
    assertEquals(status + " " + body, response.statusCode() + " " + response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        response.headers().map().toString());
  }

  /** Nothing reached the rules for {@code caller}, and the console kept nothing of it. */
  private void assertNothingDone(String caller) {
    assertEquals("404 no variables for entity " + caller + "\n", entityVars(base, caller));
    HttpResponse<String> thread = get("texts?number=" + encoded(caller));
    assertEquals("200 {\"texts\":[],\"ringing\":[]}", thread.statusCode() + " " + thread.body());
  }

  @Test
  void anotherSitesRequestsAreRefusedAndNothingIsDone() {
    Page page = load();
    String caller = someNumber();
    Map<String, String> call = Map.of("from", caller, "event", "guard_call");
    Map<String, String> text = Map.of("from", caller, "event", "guard_sms", "body", "hi");

    // the attack as it is: the browser's cached login, another site's page, no token
    assertPlain(403, EVIL_ORIGIN, post("calls", call, Map.of("Origin", EVIL)));
    assertPlain(403, EVIL_ORIGIN, post("texts", text, Map.of("Origin", EVIL)));
    // even with the session and its token (which no other site can read), another origin is refused
    Map<String, String> evilWithToken =
        Map.of("Origin", EVIL, "Cookie", page.cookie(), "X-Console-Token", page.token());
    assertPlain(403, EVIL_ORIGIN, post("calls", call, evilWithToken));
    assertPlain(403, EVIL_ORIGIN, post("texts", text, evilWithToken));
    // the Host header does not make an origin the console's: a rebound name stays another site
    assertPlain(
        403,
        "refused: the Origin http://rebound.example:"
            + base.getPort()
            + " is not the console's (twilio.console.origins adds one)",
        post(
            "calls",
            call,
            Map.of(
                "Origin",
                "http://rebound.example:" + base.getPort(),
                "Cookie",
                page.cookie(),
                "X-Console-Token",
                page.token())));
    assertPlain(
        403,
        "refused: Sec-Fetch-Site is cross-site, not same-origin",
        post(
            "calls",
            call,
            Map.of(
                "Sec-Fetch-Site",
                "cross-site",
                "Cookie",
                page.cookie(),
                "X-Console-Token",
                page.token())));
    assertPlain(
        403,
        "refused: no Origin and no Sec-Fetch-Site say the console's page sent it",
        post("calls", call, Map.of("Cookie", page.cookie(), "X-Console-Token", page.token())));
    // any method that acts, not only POST
    HttpResponse<String> delete =
        send(
            HttpRequest.newBuilder(uri(base, "console/api/calls"))
                .header("Authorization", login())
                .header("Origin", EVIL)
                .DELETE());
    assertPlain(403, EVIL_ORIGIN, delete);

    assertNothingDone(caller);
  }

  @Test
  void theOwnOriginWithoutTheTokenIsRefused() {
    Page page = load();
    String caller = someNumber();
    Map<String, String> call = Map.of("from", caller, "event", "guard_call");

    assertPlain(
        403, NO_TOKEN, post("calls", call, Map.of("Origin", own(), "Cookie", page.cookie())));
    assertPlain(
        403,
        NO_TOKEN,
        post(
            "calls",
            call,
            Map.of(
                "Origin", own(), "Cookie", page.cookie(), "X-Console-Token", "x" + page.token())));
    // the token without its session, and the token of another session
    assertPlain(
        403,
        NO_TOKEN,
        post("calls", call, Map.of("Origin", own(), "X-Console-Token", page.token())));
    Page other = load();
    assertFalse(other.token().equals(page.token()), "a new session, a new token");
    assertPlain(
        403,
        NO_TOKEN,
        post(
            "calls",
            call,
            Map.of("Origin", own(), "Cookie", page.cookie(), "X-Console-Token", other.token())));

    assertNothingDone(caller);
  }

  @Test
  void theConsolesOwnPageIsObeyed() {
    Page page = load();
    String caller = someNumber();

    HttpResponse<String> placed =
        post("calls", Map.of("from", caller, "event", "guard_call"), fromThePage(page));
    assertEquals(200, placed.statusCode(), placed.body());
    JsonObject call = json(placed.body());
    assertEquals(caller, call.getString("from"));
    assertFalse(call.getBoolean("ended"), placed.body());
    assertEquals("200 {\"called\":\"yes\"}", entityVars(base, caller));

    // another site cannot hang it up, even with the token
    String hangup = "calls/" + call.getString("sid") + "/hangup";
    assertPlain(
        403,
        EVIL_ORIGIN,
        post(
            hangup,
            Map.of(),
            Map.of("Origin", EVIL, "Cookie", page.cookie(), "X-Console-Token", page.token())));
    HttpResponse<String> still = get("calls/" + call.getString("sid"));
    assertEquals(200, still.statusCode(), still.body());
    assertFalse(json(still.body()).getBoolean("ended"), still.body());

    // a browser that sends Sec-Fetch-Site but no Origin is the page too
    HttpResponse<String> hungUp =
        post(
            hangup,
            Map.of(),
            Map.of(
                "Sec-Fetch-Site",
                "same-origin",
                "Cookie",
                page.cookie(),
                "X-Console-Token",
                page.token()));
    assertEquals(200, hungUp.statusCode(), hungUp.body());
    assertTrue(json(hungUp.body()).getBoolean("ended"), hungUp.body());

    HttpResponse<String> texted =
        post(
            "texts", Map.of("from", caller, "event", "guard_sms", "body", "hi"), fromThePage(page));
    assertEquals("200 {\"replies\":1}", texted.statusCode() + " " + texted.body());
    HttpResponse<String> thread = get("texts?number=" + encoded(caller));
    assertEquals(
        "200 {\"texts\":[{\"direction\":\"to-server\",\"via\":\"sent\",\"body\":\"hi\"},"
            + "{\"direction\":\"from-server\",\"via\":\"reply\",\"body\":\"Heard: hi\"}],"
            + "\"ringing\":[]}",
        thread.statusCode() + " " + thread.body());
  }

  @Test
  void aForgedHostGetsNeitherTheEventsTokenNorASignedWebhook() throws IOException {
    Page page = load();
    String caller = someNumber();
    try (Trap trap = new Trap()) {
      String forged = "127.0.0.1:" + trap.port();

      // a call placed with Host pointing at the trap: the webhook, signed, goes to the server
      byte[] body =
          form(Map.of("from", caller, "event", "guard_call")).getBytes(StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Host", forged);
      headers.put("Authorization", login());
      headers.put("Origin", own());
      headers.put("Cookie", page.cookie());
      headers.put("X-Console-Token", page.token());
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      headers.put("Content-Length", String.valueOf(body.length));
      Raw placed = raw("POST", base.getPath() + "console/api/calls", headers, body);
      assertEquals(200, placed.status(), placed.body());
      JsonObject step = json(placed.body()).getJsonArray("steps").getJsonObject(0);
      assertEquals(
          "http://127.0.0.1:" + base.getPort() + base.getPath() + "twilio/guard_call",
          step.getString("url"));
      assertEquals(200, step.getInt("status"), step.toString());

      // the variables, read with the events token: from the server itself, not from the trap
      Map<String, String> read = new LinkedHashMap<>();
      read.put("Host", forged);
      read.put("Authorization", login());
      Raw vars =
          raw("GET", base.getPath() + "console/api/vars?number=" + encoded(caller), read, null);
      assertEquals("200 {\"called\":\"yes\"}", vars.status() + " " + vars.body());

      // the server's own requests were made before it answered: the trap has seen all it will
      assertEquals(List.of(), trap.heads(), "requests that reached the forged Host " + forged);
    }
  }

  /**
   * A port on loopback that keeps the head of every request that reaches it and answers 404, so
   * that a request the server should never have made fails the test with what it carried.
   */
  private static final class Trap implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> heads = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    Trap() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "forged-host-trap");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    List<String> heads() {
      synchronized (heads) {
        return List.copyOf(heads);
      }
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          client.setSoTimeout(5_000);
          StringBuilder head = new StringBuilder();
          for (String line = line(client.getInputStream());
              !line.isEmpty();
              line = line(client.getInputStream())) {
            head.append(line).append('\n');
          }
          heads.add(head.toString());
          client
              .getOutputStream()
              .write(
                  "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                      .getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          if (!socket.isClosed()) { // else closed by the test: the trap is done
            heads.add("(a connection that failed: " + e + ")");
          }
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void theFakeChecksCredentialsBeforeItReadsABody() throws IOException {
    // a body of 100 MB is announced and never sent: an answer proves that none of it was awaited
    String path = base.getPath() + "fake-twilio/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    for (String authorization : new String[] {null, basic(ACCOUNT, "wrong")}) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Host", "127.0.0.1:" + base.getPort());
      if (authorization != null) {
        headers.put("Authorization", authorization);
      }
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      headers.put("Content-Length", "100000000");
      Raw refused = raw("POST", path, headers, null);
      assertEquals(401, refused.status(), refused.body());
      assertEquals(20003, json(refused.body()).getInt("code"), refused.body());
    }

    // with the right credentials, a body announced over the limit: 413 before it is read
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1:" + base.getPort());
    headers.put("Authorization", basic(ACCOUNT, AUTH_TOKEN));
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Content-Length", "100000000");
    Raw tooLarge = raw("POST", path, headers, null);
    assertEquals(
        "413 request body over " + MAX_BODY + " bytes\n",
        tooLarge.status() + " " + tooLarge.body());
  }

  private HttpRequest.Builder toTheFake(String pathAndQuery) {
    return HttpRequest.newBuilder(
            uri(base, "fake-twilio/2010-04-01/Accounts/" + ACCOUNT + "/" + pathAndQuery))
        .header("Authorization", basic(ACCOUNT, AUTH_TOKEN));
  }

  @Test
  void theFakeRefusesBodiesOverTheLimitAndOtherSites() {
    String to = someNumber();
    String overLimit = form(Map.of("To", to, "From", "+18005551212", "Body", "x".repeat(MAX_BODY)));
    // declared (Content-Length) and undeclared (chunked): 413 either way, nothing sent
    HttpResponse<String> declared =
        send(
            toTheFake("Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(overLimit)));
    assertPlain(413, "request body over " + MAX_BODY + " bytes\n", declared);
    HttpResponse<String> chunked =
        send(
            toTheFake("Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new ByteArrayInputStream(overLimit.getBytes(StandardCharsets.UTF_8)))));
    assertPlain(413, "request body over " + MAX_BODY + " bytes\n", chunked);

    // a browser's request from another site, with the fake's credentials: refused
    String message = form(Map.of("To", to, "From", "+18005551212", "Body", "hello"));
    HttpResponse<String> foreign =
        send(
            toTheFake("Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofString(message)));
    assertPlain(403, EVIL_ORIGIN + "\n", foreign);
    assertNothingDone(to);

    // the server's own client (no Origin) and a body within the limit: sent
    HttpResponse<String> sent =
        send(
            toTheFake("Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(message)));
    assertEquals(201, sent.statusCode(), sent.body());
    HttpResponse<String> list = send(toTheFake("Messages.json?To=" + encoded(to)).GET());
    assertEquals(200, list.statusCode(), list.body());
    List<JsonObject> messages =
        json(list.body()).getJsonArray("messages").getValuesAs(JsonObject.class);
    assertEquals(List.of("hello"), messages.stream().map(m -> m.getString("body")).toList());
  }

  /**
   * One HTTP/1.1 request written by hand (the JDK's client will not send a {@code Host} of the
   * test's choosing, nor announce a body it does not send), {@code body} only if given, and its
   * answer, read as far as its length says (Liberty keeps a connection whose announced body was not
   * sent open, waiting for the rest).
   */
  private Raw raw(String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
      // an answer that waits for the body (never sent) times out here, and the test fails
      socket.setSoTimeout(15_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return answer(socket.getInputStream());
    }
  }

  private static Raw answer(InputStream in) throws IOException {
    String status = line(in);
    String[] parts = status.split(" ", 3);
    assertTrue(parts.length >= 2 && parts[0].startsWith("HTTP/1."), status);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).strip());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
          size > 0;
          size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
        chunks.write(in.readNBytes(size));
        line(in); // the CRLF after the chunk
      }
      body = chunks.toByteArray();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    return new Raw(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  /** One line of the answer's head, without its CRLF. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the answer ended in its head: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
