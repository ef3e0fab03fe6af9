/**
 * The application's configuration, one typed holder per prefix ({@code twilio.webhook.*}, {@code
 * twilio.outbox.*}, …), each key and its default written once as a {@link
 * io.picolabs.twilio.config.Setting}; {@link io.picolabs.twilio.config.Configuration} reads them
 * from MicroProfile Config once and produces the holders for injection. docs/configuration.md is
 * checked against {@link io.picolabs.twilio.config.Configuration#ALL} by a test. Depends on nothing
 * of the library.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.config;
