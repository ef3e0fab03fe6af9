package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.MediaStream;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The echo stream: a call to {@code /twilio/echo_call} hears itself, its audio played back over a
 * bidirectional Media Stream, with a mark each second of the call's audio, until the caller presses
 * {@code #}: the stream ends and the call says goodbye.
 */
@ApplicationScoped
public class EchoStream {

  /**
   * {@code POST /twilio/echo_call}: the call's audio both ways with {@code /twilio/stream/echo};
   * once that ends, goodbye.
   */
  void call(
      @Observes @Select(domain = "twilio", type = "echo_call") RuleEvent event, Twilio twilio) {
    twilio.connectStream("echo");
    twilio.say("The echo is over. Goodbye.");
  }

  /** The stream started: every frame goes back as it came. */
  void start(
      @Observes @Select(domain = "twilio", type = "echo_start") RuleEvent event,
      MediaStream media) {
    media.listen(new Echo());
  }

  /** {@code #} ends the stream; the call goes on after its Connect. */
  void key(
      @Observes @Select(domain = "twilio", type = "echo_dtmf") RuleEvent event, MediaStream media) {
    if ("#".equals(event.attr("digit"))) {
      media.end();
    }
  }

  /** Plays each frame back, and marks each second of audio. One per stream. */
  static final class Echo implements MediaStream.AudioListener {
    private long nextSecond = 1;

    @Override
    public void frame(MediaStream.AudioFrame frame, MediaStream.AudioOut out) {
      out.play(frame.mulaw());
      if (frame.timestampMillis() >= nextSecond * 1000) {
        out.mark("second " + nextSecond);
        nextSecond++;
      }
    }
  }
}
