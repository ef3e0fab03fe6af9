package io.picolabs.twilio.webhook;

import io.picolabs.twilio.http.BadInput;
import io.picolabs.twilio.http.ErrorAnswers;
import io.picolabs.twilio.http.Exchange;
import io.picolabs.twilio.http.FormBody;
import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.security.SignatureKeys;
import io.picolabs.twilio.security.TwilioSignature;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Lets a request reach Twilio's webhooks only if its {@code X-Twilio-Signature} checks out, before
 * any rule runs; otherwise 403.
 *
 * <p>The signed URL is the one Twilio requested: the {@link PublicUrl} (the public URL, the trusted
 * forwarded headers, or the request as received) plus the request path and query. Form parameters
 * are signed; a GET has none (its query is in the URL); any other body is covered by the {@code
 * bodySHA256} query parameter. With {@code X-Twilio-Webhooks-Signature-Settings}, the shared key
 * and algorithm it names decide ({@link SignatureKeys}); without it, the auth token of the account
 * named by the request's {@code AccountSid}, else the default one, unless a shared key is required.
 */
@Provider
@SignedByTwilio
@Priority(Priorities.AUTHENTICATION)
public class SignatureCheck implements ContainerRequestFilter {
  static final String HEADER = "X-Twilio-Signature";
  private static final Logger LOG = Logger.getLogger(SignatureCheck.class.getName());

  private final AtomicBoolean noTokenLogged = new AtomicBoolean();

  @Inject WebhookSettings settings;
  @Inject PublicUrl publicUrl;
  @Inject TwilioAccounts accounts;
  @Context HttpServletRequest servlet;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.validateSignature()) {
      return;
    }
    String signature = request.getHeaderString(HEADER);
    if (signature == null || signature.isBlank()) {
      request.abortWith(forbidden("missing " + HEADER));
      return;
    }
    Exchange exchange = Exchange.of(request);
    byte[] body = exchange.body();
    boolean form = isForm(request);
    Map<String, List<String>> query;
    Map<String, List<String>> params;
    String url;
    try {
      query = exchange.query(servlet);
      params = form ? exchange.form(() -> FormBody.parse(body)) : Map.of(); // kept for the resource
      url = signedUrl();
    } catch (BadInput e) {
      request.abortWith(ErrorAnswers.plain(Response.Status.BAD_REQUEST, e.getMessage()));
      return;
    }
    String accountSid = first(params, query, "AccountSid");
    SignatureKeys.Verdict verdict =
        settings
            .signatureKeys()
            .verify(
                request.getHeaderString(SignatureKeys.SETTINGS_HEADER),
                () -> accounts.authTokenFor(accountSid),
                url,
                params,
                signature);
    if (verdict == SignatureKeys.Verdict.NO_AUTH_TOKEN && !noTokenLogged.getAndSet(true)) {
      LOG.warning(
          "refusing webhooks signed with the auth token: no auth token to check signatures with"
              + " (set twilio.auth-token)");
    }
    if (verdict.valid()
        && !form
        && body.length > 0
        && !TwilioSignature.bodyMatches(body, first(Map.of(), query, "bodySHA256"))) {
      verdict = SignatureKeys.Verdict.INVALID;
    }
    if (!verdict.valid()) {
      request.abortWith(forbidden(verdict.message()));
    }
  }

  private static boolean isForm(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    return !request.getMethod().equals("GET")
        && type != null
        && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
  }

  /** The URL Twilio requested, as it signed it: the public origin, then path and query. */
  private String signedUrl() {
    String query = servlet.getQueryString();
    return publicUrl.originOf(servlet)
        + servlet.getRequestURI()
        + (query == null ? "" : "?" + query);
  }

  private static String first(
      Map<String, List<String>> params, Map<String, List<String>> query, String name) {
    List<String> values = params.getOrDefault(name, query.get(name));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Response forbidden(String message) {
    return ErrorAnswers.plain(Response.Status.FORBIDDEN, message);
  }
}
