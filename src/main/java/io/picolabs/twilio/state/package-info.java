/**
 * State that lasts: variables for rules in three scopes, {@link
 * io.picolabs.twilio.rules.EntityVars} (per party, KRL's {@code ent:}), {@link
 * io.picolabs.twilio.rules.AppVars} (KRL's {@code app:}) and {@link
 * io.picolabs.twilio.rules.CallVars} (per call, until it completes), kept in a database through
 * Jakarta Persistence. A rule's writes are one of its {@link io.picolabs.twilio.spi.RuleEffects}:
 * they land when it returns normally and are checked against what it read, so concurrent updates
 * are not lost.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.state;
