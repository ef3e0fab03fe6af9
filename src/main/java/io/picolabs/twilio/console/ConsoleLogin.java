package io.picolabs.twilio.console;

import io.picolabs.twilio.config.ConsoleConfig;
import io.picolabs.twilio.security.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * HTTP Basic for the pages of the console role (the monkey's page, the {@link ConsolePage}),
 * through Jakarta Security: the user {@code console.username} (default {@code admin}) with the
 * password {@code console.password} ({@code CONSOLE_PASSWORD}).
 *
 * <p>A mechanism of our own rather than {@code @BasicAuthenticationMechanismDefinition}, for two
 * things the built-in one cannot do: with no password configured, refuse everyone with 403 (and say
 * why in the log) instead of asking for credentials that can never be right; and compare the
 * password in constant time. Requests to unprotected resources (the webhooks) pass untouched.
 */
@ApplicationScoped
public class ConsoleLogin implements HttpAuthenticationMechanism {
  /** The role of the console's pages. */
  public static final String ROLE = "console";

  private static final Logger LOG = Logger.getLogger(ConsoleLogin.class.getName());
  private static final String BASIC = "Basic ";

  @Inject ConsoleConfig config;

  private String username;
  private Optional<String> password;
  private final AtomicBoolean closedLogged = new AtomicBoolean();

  @PostConstruct
  void read() {
    username = config.username();
    password = config.password();
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (password.isEmpty()) {
      if (!closedLogged.getAndSet(true)) {
        LOG.warning(
            "refusing the console pages (/monkey, /console): console.password (CONSOLE_PASSWORD) is not set");
      }
      return refuse(response, HttpServletResponse.SC_FORBIDDEN, "the console is closed");
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      String credentials = decode(authorization.substring(BASIC.length()).trim());
      if (credentials != null && matches(credentials)) {
        return context.notifyContainerAboutLogin(username, Set.of(ROLE));
      }
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"console\", charset=\"UTF-8\"");
    return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "credentials are required");
  }

  /** {@code user:password} from Base64, or {@code null} if it is not Base64. */
  private static String decode(String encoded) {
    try {
      return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private boolean matches(String credentials) {
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return false;
    }
    boolean user = Secrets.equal(username, credentials.substring(0, colon));
    boolean secret = Secrets.equal(password.get(), credentials.substring(colon + 1));
    return user & secret; // both compared, whichever is wrong
  }

  private static AuthenticationStatus refuse(
      HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    try {
      response.getWriter().write(message + "\n");
    } catch (IOException e) {
      LOG.fine(() -> "could not write the refusal: " + e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
