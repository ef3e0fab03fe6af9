/**
 * Twilio's REST API, for rules that act outward ({@code send_sms}, {@code place_call}) and for
 * wiring the account's numbers (IncomingPhoneNumbers): a MicroProfile REST Client ({@link
 * io.picolabs.twilio.rest.TwilioApi}) per account, credentials from MicroProfile Config ({@link
 * io.picolabs.twilio.rest.TwilioAccounts}), Twilio's errors as typed exceptions, and retries only
 * where a retry cannot send anything twice ({@link io.picolabs.twilio.rest.TwilioRest}).
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.rest;
