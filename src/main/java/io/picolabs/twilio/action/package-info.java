/**
 * What rules do: the actions of the KRL {@code twilio} module ({@link
 * io.picolabs.twilio.action.Twilio}), and the per-request record of their directives ({@link
 * io.picolabs.twilio.action.Directives}) that becomes one TwiML {@code <Response>}.
 */
package io.picolabs.twilio.action;
