/**
 * The seed's example rulesets in Java. {@link io.picolabs.twilio.examples.HelloMonkey} runs in the
 * WAR; {@link io.picolabs.twilio.examples.HelloMonkeyGreeting}, the first and simpler ruleset,
 * answers the same event and so is an {@code @Alternative}, enabled only where a {@code beans.xml}
 * selects it. None of this is in the library JAR.
 */
package io.picolabs.twilio.examples;
