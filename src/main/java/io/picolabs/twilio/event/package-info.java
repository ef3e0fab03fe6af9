/**
 * Events and their selection: a {@link io.picolabs.twilio.event.RuleEvent} (domain, type,
 * attributes) is raised by the {@link io.picolabs.twilio.event.RuleEngine} to the rules, CDI
 * observer methods chosen by {@link io.picolabs.twilio.event.Select}, as KRL's {@code select when
 * twilio inbound_call} chose rules.
 */
package io.picolabs.twilio.event;
