package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.event.RuleEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Twilio's webhook: {@code /twilio/inbound_call} raises {@code twilio inbound_call} with Twilio's
 * parameters (query and body) as attributes, and answers the TwiML the rules built (an empty {@code
 * <Response/>} when none selected the event, on which Twilio hangs up politely).
 *
 * <p>Only signed requests get here ({@link SignatureCheck}); a retried delivery is answered from
 * {@link Replays}; slow rules are cut short by the {@link Deadline}. How each was answered is told
 * by {@link WebhookOutcomes}.
 */
@Path("twilio/{type: [A-Za-z0-9_-]+}")
@RequestScoped
@TwilioEndpoint
@SignedByTwilio
public class TwilioWebhook extends PlainRoutingErrors {
  static final String DOMAIN = "twilio";
  static final String IDEMPOTENCY_TOKEN = "I-Twilio-Idempotency-Token";

  @Inject Deadline deadline;
  @Inject RuleDispatch dispatch;
  @Inject Replays replays;
  @Inject WebhookSettings settings;
  @Context HttpServletRequest servlet;

  /** A number set to HTTP POST (the default): parameters in a form body. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_XML)
  public String post(
      @PathParam("type") String type,
      @HeaderParam(IDEMPOTENCY_TOKEN) String idempotencyToken,
      byte[] body) {
    return answer(type, idempotencyToken, join(query(), formOf(body)));
  }

  /** Webhooks that post JSON (signed through {@code bodySHA256}): the object's members. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_XML)
  public String postJson(
      @PathParam("type") String type,
      @HeaderParam(IDEMPOTENCY_TOKEN) String idempotencyToken,
      byte[] body) {
    return answer(type, idempotencyToken, join(query(), JsonAttributes.parse(body)));
  }

  /** A number set to HTTP GET: parameters in the query string. */
  @GET
  @Produces(MediaType.APPLICATION_XML)
  public String get(
      @PathParam("type") String type, @HeaderParam(IDEMPOTENCY_TOKEN) String idempotencyToken) {
    return answer(type, idempotencyToken, query());
  }

  /** The form body, as the signature check parsed it (when it ran), else parsed here. */
  @SuppressWarnings("unchecked")
  private Map<String, List<String>> formOf(byte[] body) {
    Object parsed = servlet.getAttribute(FormBody.PARSED);
    return parsed instanceof Map<?, ?> params
        ? (Map<String, List<String>>) params
        : FormBody.parse(body);
  }

  private Map<String, List<String>> query() {
    return FormBody.parse(servlet.getQueryString());
  }

  private String answer(String type, String idempotencyToken, Map<String, List<String>> params) {
    RuleEvent event = new RuleEvent(DOMAIN, type, params);
    String origin = RequestOrigin.of(servlet);
    String key = idempotencyToken == null ? null : servlet.getRequestURI() + ' ' + idempotencyToken;
    // stays REPLAYED unless this delivery's rules run: a retry is answered without them
    AtomicReference<WebhookAnswered.Outcome> outcome =
        new AtomicReference<>(WebhookAnswered.Outcome.REPLAYED);
    String twiml =
        replays.answer(
            key,
            () -> {
              Deadline.Answer answer =
                  deadline.answer(event, answered -> dispatch.twiml(event, origin, answered));
              outcome.set(
                  answer.fallback()
                      ? WebhookAnswered.Outcome.FALLBACK
                      : WebhookAnswered.Outcome.ANSWERED);
              return answer.twiml();
            },
            settings.fallbackTwiml());
    servlet.setAttribute(WebhookOutcomes.OUTCOME, outcome.get());
    return twiml;
  }

  /** Query parameters, then body parameters; a name in both keeps the values of both. */
  private static Map<String, List<String>> join(
      Map<String, List<String>> query, Map<String, List<String>> body) {
    if (query.isEmpty()) {
      return body;
    }
    Map<String, List<String>> all = new LinkedHashMap<>(query);
    body.forEach(
        (name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    return all;
  }

  @Override
  protected String allowed() {
    return "GET, HEAD, POST, OPTIONS";
  }
}
