/**
 * ConversationRelay sessions as events: Twilio's WebSocket at {@code /twilio/relay/{relay}} ({@link
 * io.picolabs.twilio.relay.RelaySocket}), each message of a session an event {@code twilio
 * <relay>_<type>} raised through the rule entry in order ({@link
 * io.picolabs.twilio.relay.RelaySession}), the rules' answers the messages of {@link
 * io.picolabs.twilio.rules.Relay} ({@link io.picolabs.twilio.relay.RelayReplies}), sent back after
 * the rules returned.
 */
package io.picolabs.twilio.relay;
