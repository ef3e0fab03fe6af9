/**
 * Events and their selection: a {@link io.picolabs.twilio.rules.RuleEvent} (domain, type,
 * attributes) is raised by the {@link io.picolabs.twilio.event.RuleEngine} to the rules, CDI
 * observer methods chosen by {@link io.picolabs.twilio.rules.Select}, as KRL's {@code select when
 * twilio inbound_call} chose rules. Each rule runs as a {@link
 * io.picolabs.twilio.event.RuleTransaction} over every {@link io.picolabs.twilio.spi.RuleEffects}
 * bean, so that what it did (directives, messages, variable writes) lands together or not at all;
 * this package names none of those effects.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.event;
