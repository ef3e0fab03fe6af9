/**
 * The offline phone for people, {@code /console}: a phone in the browser that calls and texts this
 * server through the test kit's simulator, and the development fake of Twilio's REST API ({@code
 * /fake-twilio}) that delivers the rules' messages to it. Both exist only when {@code
 * twilio.console.enabled=true}; the console's pages sit behind the console login, and what acts is
 * done only for the console's own page ({@link io.picolabs.twilio.console.ConsoleGuard}: same
 * origin and the page's token), since a browser sends the login with any site's requests. The
 * console calls this server at its own address or its public URL ({@link
 * io.picolabs.twilio.console.SelfUrls}), never at a request's {@code Host}.
 *
 * <p>Part of the WAR, never of the library JAR. It reaches the rules only over HTTP, as Twilio
 * does.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.console;
