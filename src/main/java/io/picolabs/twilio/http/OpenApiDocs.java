package io.picolabs.twilio.http;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the OpenAPI annotations of the resources share: the descriptions of the plain-text errors,
 * the names of the security schemes, and the schemas of the JSON answers (built with JSON-P by the
 * resources, so there is no class of theirs to describe; these records exist only for the document
 * and are never instantiated). Public for the resources of other packages (numbers).
 */
public final class OpenApiDocs {

  private OpenApiDocs() {}

  /** The security scheme of Twilio's webhooks (declared on the webhook resource, TwilioWebhook). */
  public static final String TWILIO_SIGNATURE = "twilioSignature";

  /**
   * The security scheme of the event channel and the reading endpoints (declared on EventChannel).
   */
  public static final String EVENTS_TOKEN = "eventsToken";

  /** Event domains and types, as the paths accept them. */
  public static final String NAME_PATTERN = "^[A-Za-z0-9_-]+$";

  public static final String TEXT = "text/plain";
  public static final String XML = "application/xml";
  public static final String JSON = "application/json";
  public static final String FORM = "application/x-www-form-urlencoded";

  public static final String TWIML_EXAMPLE =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello Big Bird</Say>"
          + "<Gather action=\"/twilio/monkey_handle\" numDigits=\"1\"><Say>What is your favorite"
          + " number?</Say></Gather></Response>";

  public static final String TWIML =
      "The TwiML document the rules that selected the event built together, in priority order; an"
          + " empty `<Response/>` when no rule selected it, and `twilio.webhook.fallback-twiml`"
          + " when the rules did not finish within `twilio.webhook.deadline-ms`. A retried"
          + " delivery (same `I-Twilio-Idempotency-Token`) gets the first answer again.";

  public static final String TWILIO_PARAMETERS =
      "Twilio's request parameters (voice: `AccountSid`, `CallSid`, `From`, `To`, `CallStatus`,"
          + " `Direction`, `Digits`, `SpeechResult` …; messaging: `MessageSid`, `Body`,"
          + " `NumMedia` …; status callbacks: `MessageStatus`, `CallStatus`, `ErrorCode` …). Every"
          + " parameter becomes an attribute of the event, whatever its name: Twilio adds"
          + " parameters without notice, and the rules read the ones they need.";

  public static final String BAD_INPUT =
      "A broken percent-escape, invalid UTF-8, or a JSON body that is not an object: one line of"
          + " plain text saying why.";
  public static final String BAD_SIGNATURE =
      "A missing or wrong `X-Twilio-Signature` (or no auth token configured); an unknown key or"
          + " algorithm, or a malformed `X-Twilio-Webhooks-Signature-Settings`; none where a shared"
          + " key is required: no rule runs.";
  public static final String NO_TOKEN = "No `Authorization: Bearer` token.";
  public static final String WRONG_TOKEN =
      "A wrong bearer token, or no `events.token` configured (the channel is closed).";
  public static final String TOO_LARGE = "A body over `twilio.webhook.max-body-bytes` (64 KiB).";
  public static final String UNSUPPORTED =
      "Another content type than the ones listed for the request body.";
  public static final String NOT_ALLOWED = "Another method on this path.";

  /** The event channel's answer. */
  @Schema(name = "EventAnswer", description = "What the rules did with the raised event")
  public record EventAnswer(
      @Schema(required = true, example = "twilio") String domain,
      @Schema(required = true, example = "monkey_handle") String type,
      @Schema(
              required = true,
              description = "The rules that fired (class.method), in order",
              example = "[\"HelloMonkey.picked\"]")
          List<String> fired,
      @Schema(
              required = true,
              description = "The rules that threw (their effects were taken back)",
              example = "[]")
          List<String> failed,
      @Schema(
              required = true,
              description =
                  "The TwiML the rules built, as JSON: each verb with its attributes,"
                      + " text and nested verbs")
          List<Directive> directives,
      @Schema(
              description =
                  "The outbox ids of the messages and calls the rules sent (only when they sent"
                      + " any); see `GET /messages` and `GET /calls`")
          List<String> outbox) {}

  /** One TwiML verb or noun of the answer, as JSON. */
  @Schema(name = "Directive", description = "A TwiML element as JSON")
  public record Directive(
      @Schema(required = true, description = "The element's name", example = "Say") String name,
      @Schema(description = "Its attributes, when it has any", example = "{\"voice\": \"woman\"}")
          Map<String, String> attributes,
      @Schema(description = "Its text, when it has any", example = "Your favorite number is 7.")
          String text,
      @Schema(description = "The elements nested in it (a Gather's Say), when it has any")
          List<Directive> children) {}

  /** A page of the outbound log. */
  @Schema(
      name = "OutboundLogPage",
      description =
          "A page of the outbound log, newest first: `messages` for `/messages`, `calls` for"
              + " `/calls`")
  public record LogPage(
      @Schema(description = "The messages of the page (`GET /messages`)") List<LogItem> messages,
      @Schema(description = "The calls of the page (`GET /calls`)") List<LogItem> calls,
      @Schema(required = true, example = "1") int page,
      @Schema(required = true, example = "50") int size,
      @Schema(
              description = "The next page, only when there is more",
              example = "/messages?page=2&size=50")
          String next) {}

  /** A message or call of the outbound log. */
  @Schema(name = "OutboundLogEntry", description = "A message or call this server sent")
  public record LogItem(
      @Schema(required = true, description = "Its outbox id") String id,
      @Schema(required = true, example = "+18015552311") String to,
      @Schema(example = "+18005551212") String from,
      @Schema(
              required = true,
              description = "The account it was sent with (`default` or a named account)",
              example = "default")
          String account,
      @Schema(
              required = true,
              description = "The outbox's state",
              enumeration = {"pending", "sending", "reconcile", "sent", "failed", "unknown"})
          String state,
      @Schema(required = true, description = "Requests made to Twilio so far") int attempts,
      @Schema(required = true, format = "date-time") String created,
      @Schema(required = true, format = "date-time") String updated,
      @Schema(description = "Twilio's SID, once Twilio has it") String sid,
      @Schema(description = "Twilio's last status", example = "delivered") String status,
      @JsonbProperty("error_code") @Schema(description = "Twilio's error code", example = "21211")
          Integer errorCode,
      @JsonbProperty("error_message") @Schema(description = "Twilio's error message")
          String errorMessage,
      @Schema(description = "Why it failed or is unknown, as this server saw it") String reason,
      @Schema(required = true, description = "The statuses Twilio reported, in arrival order")
          List<LogStatus> history) {}

  /** One status Twilio reported. */
  @Schema(name = "OutboundLogStatus", description = "A status Twilio reported")
  public record LogStatus(
      @Schema(required = true, example = "sent") String status,
      @Schema(required = true, format = "date-time") String at,
      @Schema(
              required = true,
              description = "false for a status that came after a later one (not raised)")
          boolean forward,
      @JsonbProperty("error_code") @Schema(description = "Twilio's error code")
          Integer errorCode) {}

  /** The variables of an entity or the app. */
  @Schema(
      name = "Variables",
      description = "Each variable's name and its value, any JSON",
      type = SchemaType.OBJECT,
      example = "{\"favorite\": \"7\"}",
      additionalProperties = Schema.True.class)
  public record Variables() {}
}
