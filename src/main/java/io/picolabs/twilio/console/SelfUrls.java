package io.picolabs.twilio.console;

import io.picolabs.twilio.config.ConsoleConfig;
import io.picolabs.twilio.http.PublicUrl;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Where the console reaches this server, and the origins the console's own page may have: from
 * configuration ({@code twilio.webhook.public-url}, {@code twilio.console.origins}) or from the
 * connection a request came in on, never from a header its sender chose. A forged {@code Host}
 * would otherwise make the server send its events token, or requests signed with its auth token, to
 * a host of the sender's choosing, and would let a site that resolves its own name to this server
 * (DNS rebinding) pass for the console's page.
 */
@ApplicationScoped
public class SelfUrls {
  private static final Logger LOG = Logger.getLogger(SelfUrls.class.getName());
  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

  @Inject PublicUrl publicUrl;
  @Inject ConsoleConfig config;

  private Set<String> configured;

  @PostConstruct
  void read() {
    Set<String> origins = new LinkedHashSet<>();
    publicUrl
        .configured()
        .ifPresent(url -> configuredOrigin(url, true, "twilio.webhook.public-url", origins));
    for (String origin : config.origins()) {
      configuredOrigin(origin, false, "twilio.console.origins", origins);
    }
    configured = Set.copyOf(origins);
  }

  private static void configuredOrigin(
      String url, boolean withPath, String key, Set<String> origins) {
    Optional<String> origin = origin(url, withPath);
    if (origin.isPresent()) {
      origins.add(origin.get());
    } else {
      // not fatal: the console is a development tool, and the value only ever widens what it takes
      LOG.warning(key + ": " + url + " is no origin (http or https, host, optional port): ignored");
    }
  }

  /**
   * This server as the console's request reached its socket: its own address and port, and the
   * context root ({@code http://127.0.0.1:9080/shop/}). Where the console sends the events token.
   */
  URI server(HttpServletRequest request) {
    return URI.create(PublicUrl.ownOrigin(request) + request.getContextPath() + "/");
  }

  /**
   * Where the console's phone calls and texts this server, which is the URL it signs: {@code
   * twilio.webhook.public-url} when set (the signature check expects that URL), else {@link
   * #server}.
   */
  URI webhooks(HttpServletRequest request) {
    return publicUrl
        .configured()
        .map(url -> URI.create(url + request.getContextPath() + "/"))
        .orElseGet(() -> server(request));
  }

  /**
   * The origins the console's page may be loaded from, as {@link #origin} spells them: this
   * server's own address and port (on loopback also {@code localhost}, {@code 127.0.0.1} and {@code
   * [::1]} at that port), the public URL's and those of {@code twilio.console.origins}.
   */
  Set<String> pageOrigins(HttpServletRequest request) {
    Set<String> origins = new LinkedHashSet<>(configured);
    origin(PublicUrl.ownOrigin(request), false).ifPresent(origins::add);
    if (loopback(request.getLocalAddr())) {
      String scheme = request.isSecure() ? "https" : "http";
      for (String name : LOOPBACK_NAMES) {
        origin(scheme + "://" + name + ":" + request.getLocalPort(), false).ifPresent(origins::add);
      }
    }
    return origins;
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress(); // a literal: no name lookup
    } catch (UnknownHostException e) {
      throw new IllegalStateException("the socket's own address is no address: " + address, e);
    }
  }

  /**
   * {@code url}'s origin in one spelling, so that equal origins compare equal: {@code
   * scheme://host:port} in lower case, the port always given, an IPv6 address in its full form
   * ({@code [0:0:0:0:0:0:0:1]}). Empty if it is no {@code http} or {@code https} URL with a host,
   * has user information, or has a path, query or fragment where {@code withPath} is false (a
   * browser's {@code Origin} never has one).
   */
  static Optional<String> origin(String url, boolean withPath) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    if (!(scheme.equals("http") || scheme.equals("https"))
        || host == null
        || uri.getRawUserInfo() != null
        || (!withPath && !bare)) {
      return Optional.empty();
    }
    if (host.startsWith("[")) {
      try {
        host = "[" + InetAddress.getByName(host).getHostAddress() + "]"; // a literal: no lookup
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
  }
}
