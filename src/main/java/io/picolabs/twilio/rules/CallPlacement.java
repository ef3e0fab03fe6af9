package io.picolabs.twilio.rules;

/**
 * KRL's {@code place_call}, with its modifiers. Written to the outbox when the rule commits and
 * placed from there; the outcome is raised as {@code twilio call_placed} (sid, status, to, from,
 * url, account, outbox), {@code twilio call_failed} or {@code twilio call_unknown}, with the same
 * attributes as for messages. Twilio reports the call's progress to {@code twilio call_status}
 * unless {@link #statusCallback} names another target.
 */
public interface CallPlacement {
  /**
   * Where Twilio reports the call's progress: an event type of this server (default {@code
   * call_status}) or a URL elsewhere (the call log then learns nothing of its progress).
   */
  CallPlacement statusCallback(String target);

  /**
   * Which progress to report: {@code initiated}, {@code ringing}, {@code answered}, {@code
   * completed}.
   */
  CallPlacement statusCallbackEvent(String... events);

  CallPlacement statusCallbackMethod(String method);

  /** Seconds to let the number ring. */
  CallPlacement timeout(int seconds);

  /** Places the call from the named account ({@code twilio.accounts.<name>.*}). */
  CallPlacement account(String name);
}
