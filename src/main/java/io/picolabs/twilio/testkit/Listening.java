package io.picolabs.twilio.testkit;

import java.util.Map;

/**
 * What a call waits for from the caller or the world: a {@code Gather} (keys or speech), the
 * outcome of a {@code Dial}, a {@code Record}ing, the end of an {@code Enqueue}'s wait, or a
 * ConversationRelay session's or a Media Stream's socket.
 *
 * @param verb {@code Gather}, {@code Dial}, {@code Record}, {@code Enqueue}, {@code
 *     ConversationRelay} or {@code Stream}
 * @param attributes the verb's attributes as the TwiML gave them
 * @param target what a Dial dials or the queue an Enqueue waits in; otherwise empty
 */
public record Listening(String verb, Map<String, String> attributes, String target) {

  /** Whether a Gather listens for keys ({@code input} has {@code dtmf}, the default). */
  public boolean acceptsKeys() {
    if (verb.equals("Stream")) { // a bidirectional stream gets each key as dtmf
      return true;
    }
    if (verb.equals("ConversationRelay")) { // keys reach the session with dtmfDetection only
      return attributes.getOrDefault("dtmfDetection", "false").equals("true");
    }
    return verb.equals("Gather") && attributes.getOrDefault("input", "dtmf").contains("dtmf");
  }

  /** Whether a Gather listens for speech ({@code input} has {@code speech}). */
  public boolean acceptsSpeech() {
    return verb.equals("ConversationRelay")
        || verb.equals("Gather") && attributes.getOrDefault("input", "dtmf").contains("speech");
  }

  @Override
  public String toString() {
    return verb + (target.isEmpty() ? "" : " " + target) + " " + attributes;
  }
}
