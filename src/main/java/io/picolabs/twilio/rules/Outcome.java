package io.picolabs.twilio.rules;

/**
 * The event types of what became of a rule's {@link Twilio#sendSms} and {@link Twilio#placeCall},
 * raised in domain {@link #DOMAIN} once the sender knows, for rules that select them:
 *
 * <pre>{@code
 * void sent(@Observes @Select(domain = Outcome.DOMAIN, type = Outcome.SMS_SENT) RuleEvent event)
 * }</pre>
 *
 * Each outcome names the entry ({@code outbox}), the parties ({@code to}, {@code from}, {@code
 * entity} = {@code to}, whose variables rules then see), the {@code account} and what was sent
 * ({@code body} of a message, {@code url} of a call); a failure adds {@code error_code}, {@code
 * error_message}, {@code more_info} and {@code http_status} as far as Twilio said them, an unknown
 * outcome its {@code reason}.
 */
public final class Outcome {
  /** The domain of outcome and status events. */
  public static final String DOMAIN = "twilio";

  /** The message was accepted by Twilio (its {@code sid} and {@code status} as answered). */
  public static final String SMS_SENT = "sms_sent";

  /** Nothing was sent: Twilio refused the message, or it could not be tried. */
  public static final String SMS_FAILED = "sms_failed";

  /** Whether the message was sent cannot be told (Twilio's answer lost and not found later). */
  public static final String SMS_UNKNOWN = "sms_unknown";

  /** The call was accepted by Twilio (its {@code sid} and {@code status} as answered). */
  public static final String CALL_PLACED = "call_placed";

  /** Nothing was placed: Twilio refused the call, or it could not be tried. */
  public static final String CALL_FAILED = "call_failed";

  /** Whether the call was placed cannot be told. */
  public static final String CALL_UNKNOWN = "call_unknown";

  /**
   * Twilio's status callback of a message ({@code MessageStatus}: sent, delivered, …), each status
   * once and only forward, unless the rule named another event type.
   */
  public static final String SMS_STATUS = "sms_status";

  /** Twilio's status callback of a placed call ({@code CallStatus}), as {@link #SMS_STATUS}. */
  public static final String CALL_STATUS = "call_status";

  private Outcome() {}
}
