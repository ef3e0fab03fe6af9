package io.picolabs.twilio.outbound;

import io.picolabs.twilio.rest.Account;
import io.picolabs.twilio.rules.RuleEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events rules see when the sender learns what became of an entry, as KRL rules saw them:
 * {@code twilio sms_sent} / {@code call_placed} with what Twilio answered, {@code sms_failed} /
 * {@code call_failed} when nothing was sent, {@code sms_unknown} / {@code call_unknown} when it
 * cannot be told. Each names the entry ({@code outbox}), the parties ({@code to}, {@code from},
 * {@code entity} = {@code to}, whose variables rules then see), the account, and what was sent
 * ({@code body} of a message, {@code url} of a call).
 */
final class Outcomes {

  private Outcomes() {}

  static RuleEvent sent(OutboxEntry entry, Map<String, String> answered) {
    return event(entry, OutboxStore.CALL.equals(entry.kind) ? "call_placed" : "sms_sent", answered);
  }

  static RuleEvent failed(
      OutboxEntry entry, Integer code, String message, String moreInfo, Integer httpStatus) {
    Map<String, String> attrs = new LinkedHashMap<>();
    put(attrs, "error_code", code);
    put(attrs, "error_message", message);
    put(attrs, "more_info", moreInfo);
    put(attrs, "http_status", httpStatus);
    return event(entry, entry.kind + "_failed", attrs);
  }

  static RuleEvent unknown(OutboxEntry entry, String reason) {
    Map<String, String> attrs = new LinkedHashMap<>();
    put(attrs, "reason", reason);
    return event(entry, entry.kind + "_unknown", attrs);
  }

  private static RuleEvent event(OutboxEntry entry, String type, Map<String, String> outcome) {
    Map<String, String> attrs = new LinkedHashMap<>(outcome);
    put(attrs, "to", entry.to);
    put(attrs, "from", entry.from);
    put(attrs, "entity", entry.to);
    attrs.put("account", entry.account == null ? Account.DEFAULT : entry.account);
    attrs.put("outbox", entry.id);
    if (OutboxStore.CALL.equals(entry.kind)) {
      put(attrs, "url", OutboxStore.call(entry).url());
    } else {
      if (!attrs.containsKey("body")) {
        put(attrs, "body", OutboxStore.sms(entry).body());
      }
    }
    return RuleEvent.of("twilio", type, attrs);
  }

  /** Adds {@code value} as text, leaving out what Twilio did not say. */
  static void put(Map<String, String> attrs, String name, Object value) {
    if (value != null) {
      attrs.put(name, value.toString());
    }
  }
}
