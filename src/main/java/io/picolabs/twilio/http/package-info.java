/**
 * The HTTP plumbing every resource of the library shares: the name bindings that keep the library's
 * filters and error answers on its own endpoints ({@link io.picolabs.twilio.http.TwilioEndpoint},
 * {@link io.picolabs.twilio.http.EventsTokenRequired}), the body limit, strict form and JSON
 * parsing, plain-text error answers ({@link io.picolabs.twilio.http.ErrorAnswers}, {@link
 * io.picolabs.twilio.http.InternalErrors}, {@link io.picolabs.twilio.http.PlainRoutingErrors}), the
 * public URL of this server ({@link io.picolabs.twilio.http.PublicUrl}: the configured one, a
 * request's public origin, the base path), what the filters learned about a request for the
 * resource ({@link io.picolabs.twilio.http.Exchange}) and the OpenAPI texts. The resources live
 * with their concepts (webhook, outbound, state, numbers) and depend on this package; it depends on
 * none of them.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.http;
