/**
 * Bidirectional Media Streams as sessions: Twilio's WebSocket at {@code /twilio/stream/{stream}}
 * ({@link io.picolabs.twilio.streams.StreamSocket}); {@code start}, {@code dtmf}, {@code mark} and
 * {@code stop} raised as events {@code twilio <stream>_<event>} in order ({@link
 * io.picolabs.twilio.streams.StreamSession}), the audio frames to the listener a rule registered
 * with {@link io.picolabs.twilio.rules.MediaStream}, audio, marks and {@code clear} back.
 */
package io.picolabs.twilio.streams;
