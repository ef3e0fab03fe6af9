package io.picolabs.twilio.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

  /** A request received over plain HTTP on port 9080, with {@code headers}. */
  private static HttpServletRequest received(Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            PublicUrlTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getScheme" -> "http";
                  case "getServerName" -> "10.0.0.5";
                  case "getServerPort" -> 9080;
                  case "getHeader" -> headers.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A request that came in on the socket {@code address}:{@code port}, with a forged Host. */
  private static HttpServletRequest arrivedOn(String address, int port, boolean secure) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            PublicUrlTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getLocalAddr" -> address;
                  case "getLocalPort" -> port;
                  case "isSecure" -> secure;
                  // what a client may choose: ownOrigin must not ask
                  case "getServerName", "getServerPort", "getHeader", "getScheme" ->
                      throw new AssertionError("read " + method.getName());
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static String trusted(Map<String, String> headers) {
    return PublicUrl.originOf(received(headers), Optional.empty(), true);
  }

  @Test
  void thePublicUrlWinsOverEverything() {
    assertEquals(
        "https://voice.example.com/base",
        PublicUrl.originOf(
            received(Map.of("X-Forwarded-Host", "evil.example")),
            Optional.of("https://voice.example.com/base"),
            true));
  }

  @Test
  void untrustedForwardedHeadersAreIgnored() {
    assertEquals(
        "http://10.0.0.5:9080",
        PublicUrl.originOf(
            received(Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https")),
            Optional.empty(),
            false));
  }

  @Test
  void trustedForwardedHeadersWithTheirPort() {
    assertEquals(
        "https://voice.example.com:8443",
        trusted(
            Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "voice.example.com",
                "X-Forwarded-Port", "8443")));
    // the scheme's default port is left out
    assertEquals(
        "https://voice.example.com",
        trusted(
            Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "voice.example.com",
                "X-Forwarded-Port", "443")));
    // a port in the forwarded host is the one the sender used
    assertEquals(
        "https://voice.example.com:7443",
        trusted(
            Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "voice.example.com:7443",
                "X-Forwarded-Port", "8443")));
    assertEquals(
        "https://[2001:db8::1]:8443",
        trusted(
            Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "[2001:db8::1]",
                "X-Forwarded-Port", "8443")));
  }

  @Test
  void theFirstOfListsAndFallbacksToTheRequest() {
    assertEquals(
        "https://voice.example.com",
        trusted(
            Map.of(
                "X-Forwarded-Proto", "https, http",
                "X-Forwarded-Host", "voice.example.com, inner.proxy")));
    // no forwarded host: the Host header, with the forwarded scheme
    assertEquals(
        "https://tunnel.example:8080",
        trusted(Map.of("X-Forwarded-Proto", "https", "Host", "tunnel.example:8080")));
    // no header at all: the request's own
    assertEquals("http://10.0.0.5:9080", trusted(Map.of()));
  }

  @Test
  void aPortThatIsNoNumberIsBadInput() {
    BadInput bad =
        assertThrows(
            BadInput.class,
            () ->
                trusted(Map.of("X-Forwarded-Host", "voice.example.com", "X-Forwarded-Port", "x")));
    assertEquals("X-Forwarded-Port is not a port number", bad.getMessage());
  }

  @Test
  void theOwnOriginIsTheSocketsNeverAHeader() {
    assertEquals("http://127.0.0.1:9080", PublicUrl.ownOrigin(arrivedOn("127.0.0.1", 9080, false)));
    assertEquals("https://10.0.0.5:9443", PublicUrl.ownOrigin(arrivedOn("10.0.0.5", 9443, true)));
    assertEquals("http://10.0.0.5", PublicUrl.ownOrigin(arrivedOn("10.0.0.5", 80, false)));
    assertEquals(
        "http://[0:0:0:0:0:0:0:1]:9080",
        PublicUrl.ownOrigin(arrivedOn("0:0:0:0:0:0:0:1", 9080, false)));
    assertEquals(
        "http://[fe80:0:0:0:0:0:0:1%25eth0]:9080",
        PublicUrl.ownOrigin(arrivedOn("fe80:0:0:0:0:0:0:1%eth0", 9080, false)));
  }

  @Test
  void aWebSocketUrlIsTheHttpOneWithItsSocketScheme() {
    assertEquals(
        "wss://voice.example.com/app", PublicUrl.socketSpelling("https://voice.example.com/app"));
    assertEquals("ws://127.0.0.1:9080", PublicUrl.socketSpelling("http://127.0.0.1:9080"));
    assertEquals("wss://Voice.example.com", PublicUrl.socketSpelling("HTTPS://Voice.example.com"));
    assertEquals(
        "wss://already.example.com", PublicUrl.socketSpelling("wss://already.example.com"));
  }
}
