/**
 * The HTTP boundary: Twilio's webhooks ({@code /twilio/{type}}) and the general event channel
 * ({@code /events/{domain}/{type}}) turn requests into events for the {@link
 * io.picolabs.twilio.event.RuleEngine} and answer with what the rules did. Resources stay thin;
 * parsing and error answers live beside them.
 */
package io.picolabs.twilio.webhook;
