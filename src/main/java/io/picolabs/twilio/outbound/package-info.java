/**
 * Outbound messages and calls that last: the outbox rules' sends are written to in their commit,
 * the sender that claims and sends them (reconciling with Twilio when an outcome was lost), and the
 * message and call log that Twilio's status callbacks move forward.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.outbound;
