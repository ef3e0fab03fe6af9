/**
 * Plug-in points of the rule engine, for kinds of effect and for watching rules; not for rules.
 *
 * <ul>
 *   <li>{@link io.picolabs.twilio.spi.RuleEffects}: a kind of effect of a rule (TwiML directives,
 *       outbound sends, variable writes are three), which the engine drives through each rule's
 *       life without knowing what it is; {@link io.picolabs.twilio.spi.RuleConflict} makes it run
 *       the rule again;
 *   <li>{@link io.picolabs.twilio.spi.RuleWatch}: told when each rule starts and ends (metrics);
 *   <li>{@link io.picolabs.twilio.spi.SendTrace}: continues a rule's trace when its message or call
 *       is sent later from the outbox.
 * </ul>
 *
 * They depend only on the rule authors' API ({@code io.picolabs.twilio.rules}); the engine and the
 * effects depend on them.
 */
package io.picolabs.twilio.spi;
