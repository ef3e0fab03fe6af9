package io.picolabs.twilio.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.config.ConsoleConfig;
import io.picolabs.twilio.http.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The console's guard decides by the connection, the configuration, {@code Origin}, {@code
 * Sec-Fetch-Site} and the session's token, never by {@code Host}: the requests here throw if
 * anything asks for it.
 */
class ConsoleGuardTest {
  private static final String OWN = "http://127.0.0.1:9080";

  /** A session's attributes; {@code null}: the request has no session. */
  private Map<String, Object> session = new HashMap<>();

  private HttpSession session() {
    return (HttpSession)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> session.get((String) args[0]);
                  case "setAttribute" -> session.put((String) args[0], args[1]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A POST that came in on {@code address}:9080 over plain HTTP with {@code headers}. */
  private HttpServletRequest post(String address, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getMethod" -> "POST";
                  case "getLocalAddr" -> address;
                  case "getLocalPort" -> 9080;
                  case "isSecure" -> false;
                  case "getContextPath" -> "/shop";
                  case "getHeader" -> {
                    if (((String) args[0]).equalsIgnoreCase("Host")) {
                      throw new AssertionError("the guard read Host");
                    }
                    yield headers.get((String) args[0]);
                  }
                  case "getSession" ->
                      session == null && (args == null || !(Boolean) args[0]) ? null : session();
                  case "getServerName", "getServerPort", "getRequestURL", "getScheme" ->
                      throw new AssertionError("the guard read " + method.getName());
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static SelfUrls self(Optional<String> publicUrl, List<String> origins) {
    SelfUrls self = new SelfUrls();
    self.publicUrl =
        new PublicUrl() {
          @Override
          public Optional<String> configured() {
            return publicUrl;
          }
        };
    self.config = new ConsoleConfig(true, "admin", Optional.of("secret"), origins);
    self.read();
    return self;
  }

  private static ConsoleGuard guard(SelfUrls self) {
    ConsoleGuard guard = new ConsoleGuard();
    guard.self = self;
    return guard;
  }

  private final ConsoleGuard plain = guard(self(Optional.empty(), List.of()));

  private Optional<String> refusal(Map<String, String> headers) {
    return plain.refusal(post("127.0.0.1", headers));
  }

  @Test
  void originsAreSpelledOneWay() {
    assertEquals(Optional.of("http://localhost:80"), SelfUrls.origin("HTTP://LocalHost", false));
    assertEquals(
        Optional.of("https://voice.example.com:443"),
        SelfUrls.origin("https://voice.example.com/base/", true));
    assertEquals(
        Optional.of("http://[0:0:0:0:0:0:0:1]:9080"), SelfUrls.origin("http://[::1]:9080", false));
    assertEquals(Optional.empty(), SelfUrls.origin("https://voice.example.com/base", false));
    assertEquals(Optional.empty(), SelfUrls.origin("null", false));
    assertEquals(Optional.empty(), SelfUrls.origin("ftp://example.com", false));
    assertEquals(Optional.empty(), SelfUrls.origin("http://user@127.0.0.1:9080", false));
    assertEquals(Optional.empty(), SelfUrls.origin("http://%zz", false));
  }

  @Test
  void thePageOriginsAreTheSocketsAndTheConfigured() {
    SelfUrls self =
        self(Optional.of("https://voice.example.com/base"), List.of("http://localhost:8080"));
    assertEquals(
        Set.of(
            "https://voice.example.com:443",
            "http://localhost:8080",
            "http://127.0.0.1:9080",
            "http://localhost:9080",
            "http://[0:0:0:0:0:0:0:1]:9080"),
        self.pageOrigins(post("127.0.0.1", Map.of())));
    // not on loopback: the address alone, no loopback names
    assertEquals(
        Set.of("https://voice.example.com:443", "http://localhost:8080", "http://10.0.0.5:9080"),
        self.pageOrigins(post("10.0.0.5", Map.of())));
  }

  @Test
  void theServerIsCalledAtItsOwnSocketAndSignedForThePublicUrl() {
    HttpServletRequest request = post("127.0.0.1", Map.of("Host", "evil.example"));
    SelfUrls local = self(Optional.empty(), List.of());
    assertEquals(URI.create("http://127.0.0.1:9080/shop/"), local.server(request));
    assertEquals(URI.create("http://127.0.0.1:9080/shop/"), local.webhooks(request));
    SelfUrls tunnelled = self(Optional.of("https://voice.example.com/base"), List.of());
    assertEquals(URI.create("http://127.0.0.1:9080/shop/"), tunnelled.server(request));
    assertEquals(URI.create("https://voice.example.com/base/shop/"), tunnelled.webhooks(request));
  }

  @Test
  void anotherSitesOriginIsRefusedEvenWithTheToken() {
    String token = plain.token(post("127.0.0.1", Map.of()));
    assertEquals(
        Optional.of(
            "refused: the Origin http://evil.example is not the console's"
                + " (twilio.console.origins adds one)"),
        refusal(Map.of("Origin", "http://evil.example", ConsoleGuard.HEADER, token)));
    assertEquals(
        Optional.of(
            "refused: the Origin null is not the console's (twilio.console.origins adds one)"),
        refusal(Map.of("Origin", "null", ConsoleGuard.HEADER, token)));
    // the server's port, another port of this machine: another origin
    assertEquals(
        Optional.of(
            "refused: the Origin http://127.0.0.1:9081 is not the console's"
                + " (twilio.console.origins adds one)"),
        refusal(Map.of("Origin", "http://127.0.0.1:9081", ConsoleGuard.HEADER, token)));
    assertEquals(
        Optional.of("refused: Sec-Fetch-Site is cross-site, not same-origin"),
        refusal(Map.of("Sec-Fetch-Site", "cross-site", ConsoleGuard.HEADER, token)));
    assertEquals(
        Optional.of("refused: Sec-Fetch-Site is same-site, not same-origin"),
        refusal(Map.of("Origin", OWN, "Sec-Fetch-Site", "same-site", ConsoleGuard.HEADER, token)));
    assertEquals(
        Optional.of("refused: no Origin and no Sec-Fetch-Site say the console's page sent it"),
        refusal(Map.of(ConsoleGuard.HEADER, token)));
  }

  @Test
  void theOwnOriginWantsTheSessionsToken() {
    String noToken =
        "refused: no or a wrong X-Console-Token (load the console's page again for a new one)";
    assertEquals(Optional.of(noToken), refusal(Map.of("Origin", OWN)));
    String token = plain.token(post("127.0.0.1", Map.of()));
    assertEquals(token, plain.token(post("127.0.0.1", Map.of())), "one token per session");
    assertEquals(43, token.length(), token); // 32 random bytes, Base64url
    assertEquals(
        Optional.of(noToken), refusal(Map.of("Origin", OWN, ConsoleGuard.HEADER, token + "x")));
    assertEquals(Optional.empty(), refusal(Map.of("Origin", OWN, ConsoleGuard.HEADER, token)));
    assertEquals(
        Optional.empty(),
        refusal(Map.of("Origin", "http://localhost:9080", ConsoleGuard.HEADER, token)));
    assertEquals(
        Optional.empty(),
        refusal(Map.of("Sec-Fetch-Site", "same-origin", ConsoleGuard.HEADER, token)));

    session = null; // the same token, but the request has no session (expired, or another browser)
    assertEquals(Optional.of(noToken), refusal(Map.of("Origin", OWN, ConsoleGuard.HEADER, token)));
  }

  @Test
  void theFakeTakesTheServersClientButNoOtherSite() {
    assertEquals(Optional.empty(), plain.notSameOrigin(post("127.0.0.1", Map.of()), false));
    assertEquals(
        Optional.of("refused: Sec-Fetch-Site is cross-site, not same-origin"),
        plain.notSameOrigin(post("127.0.0.1", Map.of("Sec-Fetch-Site", "cross-site")), false));
    assertTrue(
        plain
            .notSameOrigin(post("127.0.0.1", Map.of("Origin", "http://evil.example")), false)
            .isPresent());
  }

  @Test
  void onlyReadingMethodsAreLetThrough() {
    for (String method : List.of("GET", "HEAD", "OPTIONS")) {
      assertFalse(ConsoleGuard.acts(withMethod(method)), method);
    }
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE")) {
      assertTrue(ConsoleGuard.acts(withMethod(method)), method);
    }
  }

  private static HttpServletRequest withMethod(String method) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ConsoleGuardTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) -> {
              if (m.getName().equals("getMethod")) {
                return method;
              }
              throw new UnsupportedOperationException(m.getName());
            });
  }
}
