package io.picolabs.twilio.numbers;

import io.picolabs.twilio.rest.NumberWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Compares a number's webhooks at Twilio with those this server expects, and says the outcome in
 * one line for the log.
 */
public final class WiringDiff {

  /** What is compared, named as Twilio's IncomingPhoneNumber resource names its members. */
  public enum Field {
    VOICE_URL("voice_url", NumberWebhooks::voiceUrl, false),
    VOICE_METHOD("voice_method", NumberWebhooks::voiceMethod, true),
    SMS_URL("sms_url", NumberWebhooks::smsUrl, false),
    SMS_METHOD("sms_method", NumberWebhooks::smsMethod, true),
    STATUS_CALLBACK("status_callback", NumberWebhooks::statusCallback, false),
    STATUS_CALLBACK_METHOD("status_callback_method", NumberWebhooks::statusCallbackMethod, true);

    private final String member;
    private final Function<NumberWebhooks, String> value;
    private final boolean method;

    Field(String member, Function<NumberWebhooks, String> value, boolean method) {
      this.member = member;
      this.value = value;
      this.method = method;
    }

    /** Twilio's name of the member, {@code voice_url} …; also its name in this server's JSON. */
    public String member() {
      return member;
    }

    /** This field of {@code webhooks}. */
    public String of(NumberWebhooks webhooks) {
      return value.apply(webhooks);
    }

    /**
     * Whether {@code current} is {@code expected}. URLs must be the same text (Twilio requests
     * exactly what it holds, and signs that). A method is compared without case, and a missing one
     * is Twilio's default, POST; a missing URL is an empty one (Twilio shows either for none).
     */
    public boolean same(String current, String expected) {
      return method
          ? method(current).equals(method(expected))
          : blankless(current).equals(blankless(expected));
    }

    private static String method(String method) {
      return method == null || method.isEmpty() ? "POST" : method.toUpperCase(Locale.ROOT);
    }

    private static String blankless(String url) {
      return url == null ? "" : url;
    }
  }

  /** A field whose value at Twilio is not the expected one. */
  public record Difference(Field field, String current, String expected) {}

  private WiringDiff() {}

  /** The fields of {@code current} that are not as {@code expected}, in {@link Field} order. */
  public static List<Difference> between(NumberWebhooks current, NumberWebhooks expected) {
    List<Difference> differences = new ArrayList<>();
    for (Field field : Field.values()) {
      String now = field.of(current);
      String wanted = field.of(expected);
      if (!field.same(now, wanted)) {
        differences.add(new Difference(field, now, wanted));
      }
    }
    return differences;
  }

  /** The log line for number {@code number}, Twilio's {@code sid}, wired as {@code expected}. */
  public static String wired(String number, String sid) {
    return "twilio.numbers: " + number + " (" + sid + ") is wired to this server";
  }

  /**
   * The log line for a number whose webhooks differ from this server's: each field that differs,
   * with its value at Twilio and the expected one.
   */
  public static String differs(String number, String sid, List<Difference> differences) {
    StringBuilder line =
        new StringBuilder("twilio.numbers: ")
            .append(number)
            .append(" (")
            .append(sid)
            .append(") is not wired to this server: ");
    for (int i = 0; i < differences.size(); i++) {
      Difference difference = differences.get(i);
      line.append(i == 0 ? "" : "; ")
          .append(difference.field().member())
          .append(' ')
          .append(shown(difference.current()))
          .append(", expected ")
          .append(shown(difference.expected()));
    }
    return line.append(" (POST /numbers/").append(number).append("/wire sets them)").toString();
  }

  /** The log line for a configured number the account does not have. */
  public static String notFound(String number, String accountSid) {
    return "twilio.numbers: " + number + " is not a number of Twilio account " + accountSid;
  }

  /** The log line for a number that could not be looked up ({@code reason}: why). */
  public static String unchecked(String number, String reason) {
    return "twilio.numbers: "
        + number
        + " could not be checked: "
        + (reason == null ? "" : reason.replaceAll("\\s+", " ").strip());
  }

  /**
   * The note for a number whose calls or messages an application routes ({@code
   * voice_application_sid}, {@code sms_application_sid}): Twilio then ignores the number's own
   * URLs, so "wired" would mislead without it. Empty when neither is set.
   */
  public static String applicationNote(String voiceApplicationSid, String smsApplicationSid) {
    List<String> notes = new ArrayList<>();
    if (voiceApplicationSid != null && !voiceApplicationSid.isEmpty()) {
      notes.add("calls go to application " + voiceApplicationSid + ", not voice_url");
    }
    if (smsApplicationSid != null && !smsApplicationSid.isEmpty()) {
      notes.add("messages go to application " + smsApplicationSid + ", not sms_url");
    }
    return notes.isEmpty() ? "" : " (note: " + String.join("; ", notes) + ")";
  }

  /** A value as the log shows it: quoted, or {@code none}. */
  static String shown(String value) {
    return value == null || value.isEmpty() ? "none" : "\"" + value + "\"";
  }
}
