/**
 * The HTTP boundary: Twilio's webhooks ({@code /twilio/{type}}) and the general event channel
 * ({@code /events/{domain}/{type}}) turn requests into events for the {@link
 * io.picolabs.twilio.event.RuleEngine} and answer with what the rules did. Resources stay thin;
 * parsing and error answers live beside them.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.webhook;
