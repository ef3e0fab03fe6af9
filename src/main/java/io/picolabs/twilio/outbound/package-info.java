/**
 * Outbound messages and calls that last: the outbox rules' sends are written to in their commit,
 * the sender that claims and sends them (reconciling with Twilio when an outcome was lost), and the
 * message and call log that Twilio's status callbacks move forward.
 */
package io.picolabs.twilio.outbound;
