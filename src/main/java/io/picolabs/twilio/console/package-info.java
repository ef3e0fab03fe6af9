/**
 * The offline phone for people, {@code /console}: a phone in the browser that calls and texts this
 * server through the test kit's simulator, and the development fake of Twilio's REST API ({@code
 * /fake-twilio}) that delivers the rules' messages to it. Both exist only when {@code
 * twilio.console.enabled=true}; the console's pages sit behind the console login.
 *
 * <p>Part of the WAR, never of the library JAR. It reaches the rules only over HTTP, as Twilio
 * does.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.console;
