package io.picolabs.twilio.relay;

import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/** Raises a relay message's event through the {@link RuleEntry}, like any webhook's. */
@ApplicationScoped
public class RelayDispatch {
  @Inject RuleEntry entry;
  @Inject Instance<RelayReplies> replies;
  @Inject Event<SessionMessage> handled;

  /**
   * Runs the rules of {@code event} (in a request context of its own) and returns the messages they
   * send back, written, in order.
   */
  List<Outgoing> raise(RuleEvent event, String origin) {
    // read inside the event's request context: the replies are that context's
    List<Outgoing> outgoing =
        entry.raise(EventContext.of(event, origin), outcome -> replies.get().outgoing());
    handled.fire(new SessionMessage("relay", event.type()));
    return outgoing;
  }
}
