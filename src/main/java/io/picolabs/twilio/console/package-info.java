/**
 * The offline phone for people, {@code /console}: a phone in the browser that calls and texts this
 * server through the test kit's simulator, and the development fake of Twilio's REST API ({@code
 * /fake-twilio}) that delivers the rules' messages to it. Both exist only when {@code
 * twilio.console.enabled=true}; the console's pages sit behind the console login.
 *
 * <p>Part of the WAR, never of the library JAR. It reaches the rules only over HTTP, as Twilio
 * does.
 */
package io.picolabs.twilio.console;
