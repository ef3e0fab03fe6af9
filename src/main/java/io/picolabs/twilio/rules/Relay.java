package io.picolabs.twilio.rules;

/**
 * The actions of a rule that answers a ConversationRelay session's message ({@code twilio
 * <relay>_prompt}, {@code _dtmf}, {@code _setup} …): the messages this server sends back over the
 * session's WebSocket, in the order the rules gave them, once their rules returned and committed. A
 * rule that fails sends none of its own.
 */
public interface Relay {

  /**
   * {@code {"type":"text","token":…,"last":true}}: a whole reply, spoken by Twilio's
   * text-to-speech.
   */
  RelayText text(String text);

  /**
   * {@code {"type":"text","token":…,"last":false}}: one token of a reply given piece by piece; the
   * reply's last token is {@code text(…)} or {@code token(…).last()}.
   */
  RelayText token(String token);

  /**
   * A reply made while it is spoken, piece by piece (a language model's tokens): each {@link
   * RelayStream#token} goes out as soon as the rule has returned and committed, and as it comes
   * after that, from any thread; {@link RelayStream#finish} sends the last piece. An {@code
   * interrupt} from the caller cancels it: what comes later is dropped, {@link
   * RelayStream#cancelled} turns true and {@link RelayStream#onCancel} runs, so the producer can
   * stop. Messages given after it in the same event go out once it finished.
   */
  RelayStream stream();

  /** {@code {"type":"play","source":url}}: an audio file. */
  RelayPlay play(String source);

  /** {@code {"type":"sendDigits","digits":…}}: DTMF tones ({@code 0-9 * #}, {@code w} waits). */
  void sendDigits(String digits);

  /**
   * {@code {"type":"language",…}}: switches the language of speech and of transcription (either may
   * be null: unchanged).
   */
  void language(String ttsLanguage, String transcriptionLanguage);

  /**
   * {@code {"type":"end","handoffData":…}}: ends the session; Twilio requests the {@code <Connect
   * action>} with {@code HandoffData} (null: none). Nothing may follow it.
   */
  void end(String handoffData);

  /** The modifiers of a {@code text} message. */
  interface RelayText {
    /** The reply's last token. */
    RelayText last();

    /** The language to speak it in. */
    RelayText lang(String language);

    /** Whether the caller may interrupt it (Twilio's default: yes). */
    RelayText interruptible(boolean interruptible);

    /** Whether the next reply may cut it short (Twilio's default: no). */
    RelayText preemptible(boolean preemptible);
  }

  /** A reply given piece by piece ({@link #stream}). */
  interface RelayStream {
    /**
     * Sends {@code token} ({@code last: false}) now or once the rule committed; false if cancelled.
     */
    boolean token(String token);

    /** Sends the last piece ({@code last: true}; may be empty) and ends the reply. */
    void finish(String lastToken);

    /** Ends the reply without a last piece of its own: the producer failed (logged). */
    void fail(Throwable failure);

    /** Whether the caller interrupted it, the session ended, or its rule failed. */
    boolean cancelled();

    /** Runs {@code action} once, when the reply is cancelled (at once if it is already). */
    void onCancel(Runnable action);
  }

  /** The modifiers of a {@code play} message. */
  interface RelayPlay {
    RelayPlay loop(int times);

    RelayPlay interruptible(boolean interruptible);

    RelayPlay preemptible(boolean preemptible);
  }
}
