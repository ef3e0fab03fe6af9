package io.picolabs.twilio.streams;

import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.relay.SessionMessage;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;

/** Raises a Media Stream's event through the {@link RuleEntry}, like any webhook's. */
@ApplicationScoped
public class StreamDispatch {
  @Inject RuleEntry entry;
  @Inject Instance<StreamReplies> replies;
  @Inject Event<SessionMessage> handled;

  /** Runs the rules of {@code event}; what they do to the stream, in order. */
  List<Consumer<StreamSession>> raise(RuleEvent event, String origin) {
    List<Consumer<StreamSession>> actions =
        entry.raise(EventContext.of(event, origin), outcome -> replies.get().actions());
    handled.fire(new SessionMessage("stream", event.type()));
    return actions;
  }
}
