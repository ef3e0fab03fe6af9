package io.picolabs.twilio.streams;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.MediaStream;
import io.picolabs.twilio.spi.RuleEffects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the rules of one Media Stream event do to the stream ({@link MediaStream}), taken as a unit
 * with each rule and applied by the {@link StreamSession} once every rule returned.
 */
@RequestScoped
public class StreamReplies implements MediaStream, RuleEffects {
  private final List<Consumer<StreamSession>> actions = new ArrayList<>();
  private CurrentEvent current;

  protected StreamReplies() {}

  @Inject
  public StreamReplies(CurrentEvent current) {
    this.current = current;
  }

  @Override
  public void listen(AudioListener listener) {
    Objects.requireNonNull(listener, "listener");
    actions.add(session -> session.listen(listener));
  }

  @Override
  public void play(byte[] mulaw) {
    byte[] audio = Objects.requireNonNull(mulaw, "mulaw").clone();
    actions.add(session -> session.play(audio));
  }

  @Override
  public void mark(String name) {
    Objects.requireNonNull(name, "name");
    actions.add(session -> session.mark(name));
  }

  @Override
  public void clear() {
    actions.add(StreamSession::clear);
  }

  @Override
  public void end() {
    actions.add(StreamSession::end);
  }

  /** What to do to the stream, in order. */
  List<Consumer<StreamSession>> actions() {
    return List.copyOf(actions);
  }

  @Override
  public Object emptySavepoint() {
    return 0;
  }

  @Override
  public Object savepoint() {
    return actions.size();
  }

  /** Fails a rule that acted on a stream for an event of no stream. */
  @Override
  public void check(Object savepoint, String rule) {
    if ((int) savepoint < actions.size() && !StreamEvents.isStreamEvent(current.get())) {
      throw new IllegalStateException(
          rule + " acted on a media stream for an event of no stream: " + current.get().type());
    }
  }

  @Override
  public void rollback(Object savepoint) {
    actions.subList((int) savepoint, actions.size()).clear();
  }
}
