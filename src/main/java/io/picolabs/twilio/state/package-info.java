/**
 * State that lasts: variables for rules in three scopes, {@link
 * io.picolabs.twilio.state.EntityVars} (per party, KRL's {@code ent:}), {@link
 * io.picolabs.twilio.state.AppVars} (KRL's {@code app:}) and {@link
 * io.picolabs.twilio.state.CallVars} (per call, until it completes), kept in a database through
 * Jakarta Persistence. A rule's writes are one of its {@link io.picolabs.twilio.event.RuleEffects}:
 * they land when it returns normally and are checked against what it read, so concurrent updates
 * are not lost.
 */
package io.picolabs.twilio.state;
