/**
 * Wiring a number: which of the account's Twilio numbers this server answers ({@code
 * twilio.numbers}), whether each one's voice URL, messaging URL and status callback point at this
 * server's public URL (logged at start-up, shown by {@code GET /numbers}), and setting them ({@code
 * POST /numbers/{number}/wire}) with the previous values kept in the database so that {@code POST
 * /numbers/{number}/unwire} can put them back.
 *
 * <p>{@link io.picolabs.twilio.numbers.NumbersResource} is the endpoint, {@link
 * io.picolabs.twilio.numbers.Numbers} does the work through Twilio's IncomingPhoneNumbers API
 * ({@link io.picolabs.twilio.rest.TwilioRest}), {@link io.picolabs.twilio.numbers.WiringDiff}
 * compares, and {@link io.picolabs.twilio.numbers.PreviousWiring} is what is remembered.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.numbers;
