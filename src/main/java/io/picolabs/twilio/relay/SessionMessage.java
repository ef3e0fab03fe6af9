package io.picolabs.twilio.relay;

/**
 * A message of one of Twilio's WebSocket sessions was raised and its rules ran, told as a CDI event
 * for whoever counts (the metrics): {@code kind} {@code relay} or {@code stream}, {@code type} the
 * event type ({@code monkey_prompt}, {@code echo_start} …). Audio frames are not told: they are no
 * events.
 */
public record SessionMessage(String kind, String type) {}
