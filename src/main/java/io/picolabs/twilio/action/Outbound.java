package io.picolabs.twilio.action;

import io.picolabs.twilio.event.RuleEvent;
import io.picolabs.twilio.rest.TwilioRest;
import java.util.function.Consumer;

/**
 * An action that reaches out through Twilio's REST API. It is queued while the rule runs, so that
 * its modifiers apply, checked when the rule returns, and sent only if the rule succeeded; its
 * outcome comes back to the rules as an event.
 */
interface Outbound {

  /** Fails at once, in the rule, for what would fail anyway: missing credentials, bad URLs. */
  void check(TwilioRest rest, ActionUrls urls);

  /** Sends, and raises the outcome ({@code twilio sms_sent}, {@code twilio sms_failed} …). */
  void send(TwilioRest rest, ActionUrls urls, Consumer<RuleEvent> raise);
}
