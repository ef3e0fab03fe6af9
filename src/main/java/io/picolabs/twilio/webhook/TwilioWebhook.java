package io.picolabs.twilio.webhook;

import io.picolabs.twilio.http.EarlyResponse;
import io.picolabs.twilio.http.ErrorAnswers;
import io.picolabs.twilio.http.Exchange;
import io.picolabs.twilio.http.FormBody;
import io.picolabs.twilio.http.JsonAttributes;
import io.picolabs.twilio.http.OpenApiDocs;
import io.picolabs.twilio.http.PlainRoutingErrors;
import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.http.TwilioEndpoint;
import io.picolabs.twilio.outbound.StatusCallbacks;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@ApplicationScoped // made once: a request-scoped resource costs a bean and its injection per call
@TwilioEndpoint
@SignedByTwilio
@Tag(
    name = "Twilio webhooks",
    description =
        "Twilio calls these when a number is called or texted, and for status callbacks: each"
            + " raises the event `twilio {type}` and answers TwiML")
@SecurityScheme(
    securitySchemeName = OpenApiDocs.TWILIO_SIGNATURE,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    apiKeyName = "X-Twilio-Signature",
    description =
        "Twilio's request signature: Base64 of the HMAC-SHA1, keyed with the account's auth token"
            + " (the account of the request's `AccountSid`, else `twilio.auth-token`), of the URL"
            + " Twilio requested followed by each form parameter's name and value, sorted by name"
            + " (GET requests: the URL alone; JSON bodies: covered by `bodySHA256` in the URL)."
            + " For an account that signs with shared keys, the request names the key in"
            + " `X-Twilio-Webhooks-Signature-Settings: key=<key id>,algorithm=HMAC_SHA256` and the"
            + " signature is that HMAC, keyed with the key's secret (`twilio.webhook.shared-keys`),"
            + " of the same text. Checked in constant time before any rule runs.")
@SecurityRequirement(name = OpenApiDocs.TWILIO_SIGNATURE)
@APIResponse(
    responseCode = "200",
    description = OpenApiDocs.TWIML,
    content =
        @Content(
            mediaType = OpenApiDocs.XML,
            schema = @Schema(type = SchemaType.STRING, description = "A TwiML `<Response>`"),
            example = OpenApiDocs.TWIML_EXAMPLE))
@APIResponse(
    responseCode = "400",
    description = OpenApiDocs.BAD_INPUT,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "403",
    description = OpenApiDocs.BAD_SIGNATURE,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "405",
    description = OpenApiDocs.NOT_ALLOWED,
    content = @Content(mediaType = OpenApiDocs.TEXT))
public class TwilioWebhook extends PlainRoutingErrors {
  static final String DOMAIN = "twilio";
  static final String IDEMPOTENCY_TOKEN = "I-Twilio-Idempotency-Token";

  @Inject Deadline deadline;
  @Inject RuleDispatch dispatch;
  @Inject Replays replays;
  @Inject WebhookSettings settings;
  @Inject PublicUrl publicUrl;

  /** A number set to HTTP POST (the default): parameters in a form body. */
  @Operation(
      summary = "Raise `twilio {type}` from Twilio's request",
      description =
          "A webhook as Twilio sends it for a number set to HTTP POST (the default): the form"
              + " parameters and the query parameters become the event's attributes. Webhooks that"
              + " post JSON (signed through `bodySHA256` in the URL) give the object's members"
              + " instead.")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = OpenApiDocs.FORM,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description = OpenApiDocs.TWILIO_PARAMETERS,
                    additionalProperties = String.class,
                    example = "From=%2B8015552311&To=%2B15005550006&CallSid=CA0123&Digits=7")),
        @Content(
            mediaType = OpenApiDocs.JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "A JSON object: strings as they are, numbers and booleans as their text,"
                            + " arrays as repeated values",
                    additionalProperties = Schema.True.class))
      })
  @APIResponse(
      responseCode = "413",
      description = OpenApiDocs.TOO_LARGE,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @APIResponse(
      responseCode = "415",
      description = OpenApiDocs.UNSUPPORTED,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @Parameter(
      name = "type",
      in = ParameterIn.PATH,
      required = true,
      description = "The event type to raise in domain `twilio`: letters, digits, `_` and `-`",
      example = "inbound_call",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @Parameter(
      name = IDEMPOTENCY_TOKEN,
      in = ParameterIn.HEADER,
      description =
          "Twilio's delivery id: a retried delivery carries the same token and gets the first"
              + " answer again, without the rules running twice")
  @Parameter(
      name = "outbox",
      in = ParameterIn.QUERY,
      description =
          "Status callbacks (`sms_status`, `call_status`) only: the outbox id of the message or call"
              + " this server sent, which Twilio reports on. Any other query parameter becomes an"
              + " attribute of the event too.",
      schema = @Schema(type = SchemaType.STRING))
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_XML)
  public String post(
      @PathParam("type") String type,
      @HeaderParam(IDEMPOTENCY_TOKEN) String idempotencyToken,
      byte[] body,
      @Context HttpServletRequest servlet) {
    return answer(type, idempotencyToken, join(query(servlet), formOf(servlet, body)), servlet);
  }

  /** Webhooks that post JSON (signed through {@code bodySHA256}): the object's members. */
  @Operation(
      summary = "Raise `twilio {type}` from Twilio's request",
      description =
          "A webhook as Twilio sends it for a number set to HTTP POST (the default): the form"
              + " parameters and the query parameters become the event's attributes. Webhooks that"
              + " post JSON (signed through `bodySHA256` in the URL) give the object's members"
              + " instead.")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = OpenApiDocs.FORM,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description = OpenApiDocs.TWILIO_PARAMETERS,
                    additionalProperties = String.class,
                    example = "From=%2B8015552311&To=%2B15005550006&CallSid=CA0123&Digits=7")),
        @Content(
            mediaType = OpenApiDocs.JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "A JSON object: strings as they are, numbers and booleans as their text,"
                            + " arrays as repeated values",
                    additionalProperties = Schema.True.class))
      })
  @APIResponse(
      responseCode = "413",
      description = OpenApiDocs.TOO_LARGE,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @APIResponse(
      responseCode = "415",
      description = OpenApiDocs.UNSUPPORTED,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @Parameter(
      name = "type",
      in = ParameterIn.PATH,
      required = true,
      description = "The event type to raise in domain `twilio`: letters, digits, `_` and `-`",
      example = "inbound_call",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @Parameter(
      name = IDEMPOTENCY_TOKEN,
      in = ParameterIn.HEADER,
      description =
          "Twilio's delivery id: a retried delivery carries the same token and gets the first"
              + " answer again, without the rules running twice")
  @Parameter(
      name = "outbox",
      in = ParameterIn.QUERY,
      description =
          "Status callbacks (`sms_status`, `call_status`) only: the outbox id of the message or call"
              + " this server sent, which Twilio reports on. Any other query parameter becomes an"
              + " attribute of the event too.",
      schema = @Schema(type = SchemaType.STRING))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_XML)
  public String postJson(
      @PathParam("type") String type,
      @HeaderParam(IDEMPOTENCY_TOKEN) String idempotencyToken,
      byte[] body,
      @Context HttpServletRequest servlet) {
    return answer(
        type, idempotencyToken, join(query(servlet), JsonAttributes.parse(body)), servlet);
  }

  /** A number set to HTTP GET: parameters in the query string. */
  @Operation(
      summary = "Raise `twilio {type}` from Twilio's GET request",
      description =
          "A webhook for a number set to HTTP GET: Twilio's parameters (described under POST) come"
              + " in the query string, and every query parameter becomes an attribute of the"
              + " event. The signature covers the URL alone.")
  @Parameter(
      name = "type",
      in = ParameterIn.PATH,
      required = true,
      description = "The event type to raise in domain `twilio`: letters, digits, `_` and `-`",
      example = "inbound_call",
      schema = @Schema(type = SchemaType.STRING, pattern = OpenApiDocs.NAME_PATTERN))
  @Parameter(
      name = IDEMPOTENCY_TOKEN,
      in = ParameterIn.HEADER,
      description =
          "Twilio's delivery id: a retried delivery carries the same token and gets the first"
              + " answer again, without the rules running twice")
  @Parameter(
      name = "outbox",
      in = ParameterIn.QUERY,
      description =
          "Status callbacks (`sms_status`, `call_status`) only: the outbox id of the message or call"
              + " this server sent, which Twilio reports on. Any other query parameter becomes an"
              + " attribute of the event too.",
      schema = @Schema(type = SchemaType.STRING))
  @GET
  @Produces(MediaType.APPLICATION_XML)
  public String get(
      @PathParam("type") String type,
      @HeaderParam(IDEMPOTENCY_TOKEN) String idempotencyToken,
      @Context HttpServletRequest servlet) {
    return answer(type, idempotencyToken, query(servlet), servlet);
  }

  /** The form body, as the signature check parsed it (when it ran), else parsed here. */
  private static Map<String, List<String>> formOf(HttpServletRequest servlet, byte[] body) {
    return Exchange.of(servlet).form(() -> FormBody.parse(body));
  }

  /** The query's parameters, as the signature check parsed them (when it ran), else here. */
  private static Map<String, List<String>> query(HttpServletRequest servlet) {
    return Exchange.of(servlet).query(servlet);
  }

  private String answer(
      String type,
      String idempotencyToken,
      Map<String, List<String>> params,
      HttpServletRequest servlet) {
    RuleEvent event = new RuleEvent(DOMAIN, type, params);
    String origin = publicUrl.originOf(servlet);
    String key =
        // a status callback on our own send is recorded once by the outbox's history (Twilio
        // reads nothing of its answer): no replay row, neither its look-up nor its write
        idempotencyToken == null || StatusCallbacks.reportsOnEntry(params)
            ? null
            : servlet.getRequestURI() + ' ' + idempotencyToken;
    // stays REPLAYED unless this delivery's rules run: a retry is answered without them
    AtomicReference<WebhookAnswered.Outcome> outcome =
        new AtomicReference<>(WebhookAnswered.Outcome.REPLAYED);
    AtomicBoolean sent = new AtomicBoolean(); // answered at the deadline, by DeadlineWatch's thread
    EarlyResponse response = Exchange.of(servlet).earlyResponse();
    String twiml;
    try {
      twiml =
          replays.answer(
              key,
              (rulesCommitted, budget) -> {
                Deadline.Answer answer =
                    deadline.answer(
                        event,
                        budget,
                        gate -> {
                          gate.withEachCommit(
                              last -> rulesCommitted.accept(last ? dispatch.soFar() : null));
                          return dispatch.twiml(event, origin, gate);
                        },
                        early -> EarlyAnswer.send(response, early));
                sent.set(answer.sent());
                if (answer.temporary()) {
                  outcome.set(WebhookAnswered.Outcome.UNAVAILABLE);
                  // thrown, so that the delivery is forgotten: its retry runs the rules
                  throw new Unavailable();
                }
                outcome.set(
                    answer.fallback()
                        ? WebhookAnswered.Outcome.FALLBACK
                        : WebhookAnswered.Outcome.ANSWERED);
                return answer.twiml();
              },
              settings.fallbackTwiml());
    } catch (Unavailable e) {
      Exchange.of(servlet).outcome(WebhookAnswered.Outcome.UNAVAILABLE);
      if (sent.get()) {
        return null; // the caller has had the same answer, at the deadline
      }
      throw new WebApplicationException(
          ErrorAnswers.plain(Response.Status.SERVICE_UNAVAILABLE, EarlyAnswer.UNAVAILABLE));
    }
    Exchange.of(servlet).outcome(outcome.get());
    // null once the caller has had its answer at the deadline: nothing more is written to it
    return sent.get() ? null : twiml;
  }

  /**
   * The rules could not run for a delivery (the engine failed, or was held up outside any rule past
   * the deadline): a failure that may be gone in a moment, answered 503 so that Twilio retries it
   * or asks the number's fallback URL, and never kept as the delivery's answer.
   */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable() {
      super("the rules could not run", null, false, false);
    }
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
