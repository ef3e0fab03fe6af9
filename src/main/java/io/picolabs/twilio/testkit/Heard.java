package io.picolabs.twilio.testkit;

import java.util.Base64;

/**
 * One thing that happened on the call, in order: what the caller heard ({@code Say}, {@code Play},
 * {@code Pause}), texts sent to them ({@code Message}), and what the call did ({@code Dial}, {@code
 * Record}, {@code Enqueue}, other verbs, an application error).
 *
 * @param kind what it was
 * @param text the words said, the URL or digits played, the seconds paused, the message's body, the
 *     number or queue dialed; for an application error, what went wrong
 * @param step the request (0-based, in {@link CallSimulator#exchanges()}) whose answer said it
 * @param within {@code "Gather"} for what was said, played or paused inside a {@code Gather} (a
 *     prompt: the Gather listens while the caller hears it); otherwise empty
 */
public record Heard(Kind kind, String text, int step, String within) {

  /** What the call did outside any Gather. */
  public Heard(Kind kind, String text, int step) {
    this(kind, text, step, "");
  }

  /** Whether it was heard inside a Gather, while the Gather listened. */
  public boolean inGather() {
    return within.equals("Gather");
  }

  /** The kinds of things a call can do. */
  public enum Kind {
    SAY,
    /** What a ConversationRelay session said: one reply, its tokens joined. */
    TEXT,
    /**
     * Audio a Media Stream sent the caller: its consecutive frames joined, as Base64 of the μ-law
     * bytes.
     */
    AUDIO,
    /** A mark a Media Stream sent, by name: playback reached it. */
    MARK,
    PLAY,
    PAUSE,
    MESSAGE,
    DIAL,
    RECORD,
    ENQUEUE,
    /** A verb the simulator passes over ({@code Start}, {@code Connect} …), by name. */
    OTHER,
    /** The server's answer could not be followed: Twilio apologizes and ends the call. */
    ERROR
  }

  @Override
  public String toString() {
    return switch (kind) {
      case SAY, TEXT -> "\"" + text + "\"";
      case PAUSE -> "(pause " + text + " s)";
      case AUDIO -> "(audio " + Base64.getDecoder().decode(text).length + " bytes)";
      default -> "(" + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + text + ")";
    };
  }
}
