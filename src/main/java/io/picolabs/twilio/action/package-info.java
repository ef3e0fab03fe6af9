/**
 * What rules do: the actions of the KRL {@code twilio} module ({@link
 * io.picolabs.twilio.rules.Twilio}), and the per-request record of their directives ({@link
 * io.picolabs.twilio.action.Directives}) that becomes one TwiML {@code <Response>}.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.action;
