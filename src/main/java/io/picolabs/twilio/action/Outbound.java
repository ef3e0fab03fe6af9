package io.picolabs.twilio.action;

import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.outbound.StatusCallbacks;
import io.picolabs.twilio.rest.TwilioRest;

/**
 * An action that reaches out through Twilio's REST API. It is queued while the rule runs, so that
 * its modifiers apply, checked when the rule returns, and written to the outbox when the rule
 * commits; the sender sends it and raises its outcome as an event.
 */
interface Outbound {

  /** Fails at once, in the rule, for what would fail anyway: missing credentials, bad URLs. */
  void check(TwilioRest rest, ActionUrls urls);

  /**
   * Writes the request to {@code outbox} as entry {@code id}, its status callback (this server's,
   * unless the rule gave a URL elsewhere) naming the entry.
   */
  void write(OutboxStore outbox, String id, ActionUrls urls, String origin);

  /**
   * The status callback for entry {@code id}: {@code target} (an event type or URL; {@code
   * fallback} when the rule named none) made absolute, with {@code outbox=<id>} added when it is a
   * webhook of this server, so that the callback finds its entry.
   */
  static String statusCallback(ActionUrls urls, String target, String fallback, String id) {
    String own = urls.absolute(fallback);
    String url = urls.absolute(target == null ? fallback : target);
    String webhooks = own.substring(0, own.lastIndexOf('/') + 1);
    if (!url.startsWith(webhooks)) {
      return url;
    }
    return ActionUrls.sortQuery(
        url + (url.contains("?") ? "&" : "?") + StatusCallbacks.ENTRY + "=" + id);
  }
}
