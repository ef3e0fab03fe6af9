/**
 * The ways events come in over HTTP: Twilio's webhooks ({@code /twilio/{type}}, trusted by their
 * signature, answered in time or with the fallback, retries answered once) and the general event
 * channel ({@code /events/{domain}/{type}}), both raising their events through the {@link
 * io.picolabs.twilio.event.RuleEntry} and answering with what the rules did. The HTTP plumbing they
 * share with the library's other resources is in {@code io.picolabs.twilio.http}.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.webhook;
