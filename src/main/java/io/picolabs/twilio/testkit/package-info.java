/**
 * The offline phone: plays Twilio's part against a server of Twilio rules over HTTP, as Twilio
 * would (signed webhooks, TwiML followed verb by verb, status callbacks), for conversation tests
 * ({@link io.picolabs.twilio.testkit.TwilioPhone}) and the browser console; and a fake of Twilio's
 * REST API ({@link io.picolabs.twilio.testkit.FakeTwilio}) that delivers the server's messages to
 * the simulated phone.
 *
 * <p>Needs nothing but the JDK and knows nothing of the server's classes: it is published as an
 * artifact of its own (classifier {@code testkit}) for the tests of rule authors.
 */
package io.picolabs.twilio.testkit;
