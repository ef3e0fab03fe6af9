/**
 * The API for rule authors: everything a rule imports, and nothing else.
 *
 * <ul>
 *   <li>{@link io.picolabs.twilio.rules.Select}, the qualifier that selects a rule by event domain
 *       and type, as KRL's {@code select when twilio inbound_call};
 *   <li>{@link io.picolabs.twilio.rules.RuleEvent}, the event a rule observes: domain, type and
 *       attributes (Twilio's parameters, looked up ignoring case);
 *   <li>{@link io.picolabs.twilio.rules.Twilio}, the actions of the KRL {@code twilio} module
 *       ({@code say}, {@code gatherStart}, {@code sendSms}, {@code placeCall}, …), with {@link
 *       io.picolabs.twilio.rules.SmsSend} and {@link io.picolabs.twilio.rules.CallPlacement} for
 *       the modifiers of the outbound ones; the verbs they return are the TwiML model's ({@code
 *       io.picolabs.twilio.twiml});
 *   <li>{@link io.picolabs.twilio.rules.EntityVars}, {@link io.picolabs.twilio.rules.AppVars} and
 *       {@link io.picolabs.twilio.rules.CallVars}, the variables of KRL's {@code ent:} and {@code
 *       app:} and of one call, each a {@link io.picolabs.twilio.rules.Vars};
 *   <li>{@link io.picolabs.twilio.rules.Outcome}, the event types of what became of a message or a
 *       call a rule sent.
 * </ul>
 *
 * A rule is a method of a CDI bean observing a {@code RuleEvent} with {@code @Select}; it injects
 * {@code Twilio} and the variables as parameters or fields:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class HelloMonkey {
 *   void answer(@Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent call,
 *       Twilio twilio) {
 *     twilio.say("Hello Monkey");
 *   }
 * }
 * }</pre>
 *
 * The types here are interfaces and values: the library implements them in its other packages,
 * which are internal and may change; those packages depend on this one, never the reverse. Plug-in
 * points for kinds of effect and for watching rules are in {@code io.picolabs.twilio.spi}.
 */
package io.picolabs.twilio.rules;
