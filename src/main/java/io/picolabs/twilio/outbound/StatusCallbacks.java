package io.picolabs.twilio.outbound;

import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.schema.DatabaseClock;
import io.picolabs.twilio.spi.EventGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Twilio's status callbacks for what the outbox sent. Every message and call carries a callback URL
 * of this server with its entry's id ({@code ?outbox=…}; {@code twilio sms_status} and {@code
 * twilio call_status} unless the rule named another event type); a callback that lost it is matched
 * by SID.
 *
 * <p>Each status is recorded once per entry, whichever instance receives it, and the entry's status
 * moves only forward ({@link StatusOrder}). Only a status that moved it forward reaches the rules;
 * a repeated one or one that came after a later one is only recorded.
 */
@ApplicationScoped
public class StatusCallbacks implements EventGate {
  private static final Logger LOG = Logger.getLogger(StatusCallbacks.class.getName());

  /** The query parameter that names the entry in a status callback URL. */
  public static final String ENTRY = "outbox";

  @Inject OutboxStore store;
  @Inject StatusRecords records;
  @Inject DatabaseClock clock;

  /**
   * The event to raise for webhook {@code event}: itself (with {@code outbox} when matched by SID)
   * if it is no status report of ours or one that moves its entry forward, else empty.
   */
  @Override
  public Optional<RuleEvent> admit(RuleEvent event) {
    String id = event.attr(ENTRY);
    boolean call = event.attr("CallStatus") != null && event.attr("MessageStatus") == null;
    if (id == null && !event.type().equals(call ? "call_status" : "sms_status")) {
      return Optional.of(event);
    }
    String status = call ? event.attr("CallStatus") : messageStatus(event);
    String sid = call ? event.attr("CallSid") : event.attr("MessageSid", event.attr("SmsSid"));
    if (status == null) {
      return Optional.of(event);
    }
    // the callback URL names the entry and the parameters its kind: no look-up of the entry first
    String entryId;
    String kind;
    if (id != null) {
      entryId = id;
      kind = call ? OutboxStore.CALL : OutboxStore.SMS;
    } else {
      Optional<OutboxEntry> entry = sid != null ? store.bySid(sid) : Optional.empty();
      if (entry.isEmpty()) {
        return Optional.of(event); // not sent from here: the rules decide
      }
      entryId = entry.get().id;
      kind = entry.get().kind;
    }
    StatusRecords.Progress progress =
        records.record(entryId, kind, status, errorCode(event), sid, clock.now());
    if (progress == StatusRecords.Progress.UNKNOWN) {
      return Optional.of(event); // not sent from here: the rules decide
    }
    if (progress != StatusRecords.Progress.FORWARD) {
      LOG.fine(() -> "status " + status + " of " + entryId + " recorded only: " + progress);
      return Optional.empty();
    }
    if (id != null) {
      return Optional.of(event);
    }
    Map<String, List<String>> attrs = new LinkedHashMap<>(event.attrs());
    attrs.put(ENTRY, List.of(entryId));
    return Optional.of(new RuleEvent(event.domain(), event.type(), attrs));
  }

  /**
   * Whether a webhook's parameters report a status of an entry this server sent (its callback URL
   * names the entry). Each such status is recorded once per entry by the outbox's history whichever
   * delivery brings it, and a repeated one runs no rule: Twilio's retry of such a callback needs no
   * replay of its own.
   */
  public static boolean reportsOnEntry(Map<String, List<String>> params) {
    return params.containsKey(ENTRY)
        && (params.containsKey("MessageStatus")
            || params.containsKey("SmsStatus")
            || params.containsKey("CallStatus"));
  }

  private static String messageStatus(RuleEvent event) {
    return event.attr("MessageStatus", event.attr("SmsStatus"));
  }

  private static Integer errorCode(RuleEvent event) {
    String code = event.attr("ErrorCode");
    try {
      return code == null || code.isBlank() ? null : Integer.valueOf(code.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
