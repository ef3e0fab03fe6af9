package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.rest.Account;
import io.picolabs.twilio.rest.OutcomeUnknown;
import io.picolabs.twilio.rest.TwilioError;
import io.picolabs.twilio.rest.TwilioUnreachable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the result of a REST call into the event KRL rules would see: {@code <success type>} with
 * what Twilio answered, {@code <noun>_failed} when nothing was sent (Twilio refused, or could not
 * be reached), {@code <noun>_unknown} when the request went out but its answer was lost.
 */
final class TwilioOutcomes {
  private static final Logger LOG = Logger.getLogger(TwilioOutcomes.class.getName());

  private TwilioOutcomes() {}

  /** Makes {@code call} and raises its outcome, naming {@code to}, {@code from} and the account. */
  static void deliver(
      String noun,
      String successType,
      String to,
      String from,
      Supplier<Map<String, String>> call,
      String account,
      Consumer<RuleEvent> raise) {
    Map<String, String> attrs;
    String type;
    try {
      attrs = call.get();
      type = successType;
    } catch (TwilioError e) {
      LOG.warning(() -> noun + " to " + to + " refused: " + e.getMessage());
      attrs = new LinkedHashMap<>();
      put(attrs, "error_code", e.code());
      put(attrs, "error_message", e.twilioMessage());
      put(attrs, "more_info", e.moreInfo());
      put(attrs, "http_status", e.status());
      type = noun + "_failed";
    } catch (TwilioUnreachable e) {
      LOG.warning(e::getMessage);
      attrs = new LinkedHashMap<>();
      put(attrs, "error_message", e.getMessage());
      type = noun + "_failed";
    } catch (OutcomeUnknown e) {
      LOG.log(Level.WARNING, e.getMessage(), e.getCause());
      attrs = new LinkedHashMap<>();
      put(attrs, "reason", e.reason());
      type = noun + "_unknown";
    } catch (RuntimeException e) {
      // Not one of the outcomes the client knows: whether anything went out cannot be told, and the
      // rest of the event (other sends, other rules) must go on.
      LOG.log(Level.SEVERE, noun + " to " + to + ": unexpected failure; outcome unknown", e);
      attrs = new LinkedHashMap<>();
      put(attrs, "reason", "unexpected failure: " + e);
      type = noun + "_unknown";
    }
    Map<String, String> all = new LinkedHashMap<>(attrs);
    put(all, "to", to);
    put(all, "from", from);
    put(all, "entity", to); // the party the outcome is about, whose variables rules then see
    all.put("account", account == null ? Account.DEFAULT : account);
    raise.accept(RuleEvent.of("twilio", type, all));
  }

  /** Adds {@code value} as text, leaving out what Twilio did not say. */
  static void put(Map<String, String> attrs, String name, Object value) {
    if (value != null) {
      attrs.put(name, value.toString());
    }
  }
}
