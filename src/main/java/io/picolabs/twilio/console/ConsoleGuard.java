package io.picolabs.twilio.console;

import io.picolabs.twilio.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * What keeps other sites from driving the console with the browser's cached Basic credentials: a
 * request that acts (any method but {@code GET}, {@code HEAD} and {@code OPTIONS}) is taken only
 * from the console's own page. That is two checks, each enough against a page of another site:
 *
 * <ul>
 *   <li>the browser says the request comes from the page's origin: {@code Origin} is one of {@link
 *       SelfUrls#pageOrigins} (never compared with {@code Host}, which such a site can control
 *       through DNS rebinding), and {@code Sec-Fetch-Site}, when sent, is {@code same-origin}; at
 *       least one of the two must be there;
 *   <li>the request carries the token of its HTTP session in {@value #HEADER}: a random token the
 *       page receives when it loads ({@link #token}), which no other site can read.
 * </ul>
 */
@ApplicationScoped
public class ConsoleGuard {
  /** The header the console's page sends its token in. */
  static final String HEADER = "X-Console-Token";

  private static final String SESSION_TOKEN = ConsoleGuard.class.getName() + ".token";
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
  private static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SHOWN = 100;

  @Inject SelfUrls self;

  // two page loads of one session at once must not hand out two tokens, one of which is lost
  private final Object making = new Object();

  /** Whether {@code request} may act: any method but the reading ones. */
  static boolean acts(HttpServletRequest request) {
    return !READING.contains(request.getMethod());
  }

  /**
   * The token of {@code request}'s HTTP session, for the page to send back; the session and its
   * token are made on the page's first load and kept for as long as the session lives.
   */
  String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    synchronized (making) {
      Object token = session.getAttribute(SESSION_TOKEN);
      if (token instanceof String known) {
        return known;
      }
      byte[] random = new byte[TOKEN_BYTES];
      RANDOM.nextBytes(random);
      String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      session.setAttribute(SESSION_TOKEN, made);
      return made;
    }
  }

  /**
   * Why the console must not do what {@code request} asks, or empty when it comes from the
   * console's own page: same origin and the session's token.
   */
  Optional<String> refusal(HttpServletRequest request) {
    Optional<String> foreign = notSameOrigin(request, true);
    if (foreign.isPresent()) {
      return foreign;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
    if (!(expected instanceof String token) || !Secrets.equal(token, request.getHeader(HEADER))) {
      return Optional.of(
          "refused: no or a wrong " + HEADER + " (load the console's page again for a new one)");
    }
    return Optional.empty();
  }

  /**
   * Why {@code request} does not come from one of the console's page origins, by what the browser
   * says, or empty. Without {@code Origin} and {@code Sec-Fetch-Site} it is refused when {@code
   * required} (the console's API: browsers send at least one with every request that acts), and let
   * through otherwise (the fake REST API, which the server's own REST client calls without either).
   */
  Optional<String> notSameOrigin(HttpServletRequest request, boolean required) {
    String origin = request.getHeader("Origin");
    String site = request.getHeader("Sec-Fetch-Site");
    if (origin != null) {
      Optional<String> spelled = SelfUrls.origin(origin, false);
      if (spelled.isEmpty() || !self.pageOrigins(request).contains(spelled.get())) {
        return Optional.of(
            "refused: the Origin "
                + shown(origin)
                + " is not the console's (twilio.console.origins adds one)");
      }
    }
    if (site != null && !site.equals("same-origin")) {
      return Optional.of("refused: Sec-Fetch-Site is " + shown(site) + ", not same-origin");
    }
    if (origin == null && site == null && required) {
      return Optional.of("refused: no Origin and no Sec-Fetch-Site say the console's page sent it");
    }
    return Optional.empty();
  }

  /** A header as the refusal repeats it: its sender chose it, so not at any length. */
  private static String shown(String header) {
    return header.length() <= SHOWN ? header : header.substring(0, SHOWN) + "…";
  }
}
