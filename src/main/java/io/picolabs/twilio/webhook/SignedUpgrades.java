package io.picolabs.twilio.webhook;

import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.security.SignatureKeys;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lets a WebSocket upgrade reach Twilio's sessions ({@code /twilio/relay/*}, {@code
 * /twilio/stream/*}) only if its {@code X-Twilio-Signature} checks out; otherwise 403 and no
 * socket. Twilio signs the {@code wss://} URL it connected to, with no parameters: the {@link
 * PublicUrl} read as for webhooks, its scheme the WebSocket one ({@code https} → {@code wss},
 * {@code http} → {@code ws}), then path and query. The upgrade names no account, so the default
 * auth token signs it, unless it names a shared key.
 *
 * <p>A servlet filter: a WebSocket upgrade never reaches JAX-RS, where {@link SignatureCheck} is.
 */
@WebFilter(
    urlPatterns = {"/twilio/relay/*", "/twilio/stream/*"},
    asyncSupported = true)
public class SignedUpgrades extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient WebhookSettings settings;
  @Inject transient PublicUrl publicUrl;
  @Inject transient TwilioAccounts accounts;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!settings.validateSignature()) {
      chain.doFilter(request, response);
      return;
    }
    String signature = request.getHeader(SignatureCheck.HEADER);
    if (signature == null || signature.isBlank()) {
      refuse(response, "missing " + SignatureCheck.HEADER);
      return;
    }
    SignatureKeys.Verdict verdict =
        settings
            .signatureKeys()
            .verify(
                request.getHeader(SignatureKeys.SETTINGS_HEADER),
                () -> accounts.authTokenFor(null),
                socketUrl(publicUrl.originOf(request), request),
                Map.of(),
                signature);
    if (!verdict.valid()) {
      refuse(response, verdict.message());
      return;
    }
    chain.doFilter(request, response);
  }

  /** The URL Twilio connected to: {@code origin}'s WebSocket spelling, then path and query. */
  static String socketUrl(String origin, HttpServletRequest request) {
    String query = request.getQueryString();
    return PublicUrl.socketSpelling(origin)
        + request.getRequestURI()
        + (query == null ? "" : "?" + query);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
