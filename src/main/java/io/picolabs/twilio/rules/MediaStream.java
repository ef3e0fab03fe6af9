package io.picolabs.twilio.rules;

/**
 * The actions of a rule that handles a bidirectional Media Stream's event ({@code twilio
 * <stream>_start}, {@code _dtmf}, {@code _mark}, {@code _stop}): the call's audio comes to a
 * listener the rule registers, frame by frame (no event per frame: fifty a second per call), and
 * audio, marks and {@code clear} go back to the caller. What a rule does here takes effect once it
 * returned, and not at all if it fails.
 */
public interface MediaStream {

  /**
   * From now on, each frame of the call's audio goes to {@code listener} (replacing any before).
   */
  void listen(AudioListener listener);

  /** Plays μ-law 8 kHz audio ({@code media}) to the caller after what was sent before. */
  void play(byte[] mulaw);

  /** A {@code mark}: Twilio sends {@code <stream>_mark} with this name when playback reaches it. */
  void mark(String name);

  /** {@code clear}: drops the audio sent and not yet played (barge-in); its marks come back. */
  void clear();

  /**
   * Ends the stream after what was sent before: the socket closes, and Twilio goes on with the
   * {@code <Connect>}'s action, or the verb after it.
   */
  void end();

  /** Receives the call's audio. Runs on the stream's thread: return quickly. */
  @FunctionalInterface
  interface AudioListener {
    /** One frame ({@code media}), and the way back to the caller. */
    void frame(AudioFrame frame, AudioOut out);
  }

  /**
   * One frame of the call's audio: μ-law 8 kHz bytes (usually 20 ms, 160 bytes), its track, its
   * chunk number and its time since the stream started.
   */
  record AudioFrame(byte[] mulaw, String track, long chunk, long timestampMillis) {}

  /** Audio, marks and {@code clear} to the caller, sent at once, from any thread. */
  interface AudioOut {
    void play(byte[] mulaw);

    void mark(String name);

    void clear();
  }
}
