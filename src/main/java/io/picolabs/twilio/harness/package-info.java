/**
 * Rules run in-process, for the unit tests of rule authors: {@link
 * io.picolabs.twilio.harness.RuleHarness} starts a CDI SE container with the rule classes under
 * test and the library's own beans, raises one event at a time through the engine the server uses,
 * and returns what the rules did ({@link io.picolabs.twilio.harness.RuleRun}): the TwiML, the
 * messages and calls they sent ({@link io.picolabs.twilio.harness.Send}) and the variables they
 * wrote ({@link io.picolabs.twilio.harness.VarWrite}). No server, no HTTP, no database: what only
 * the server provides has stand-ins (MicroProfile Config from a map, a servlet context at the root,
 * variables in memory, an outbox that records instead of sending).
 *
 * <p>A test needs a CDI SE implementation on its class path (Weld SE, {@code
 * org.jboss.weld.se:weld-se-core}) with JSON-B and JSON-P implementations (Yasson, Parsson), beside
 * the Jakarta EE and MicroProfile APIs the library is compiled against.
 *
 * <p>Inert on a server: this package is {@link jakarta.enterprise.inject.Vetoed}, so none of its
 * classes is ever a bean when the library is deployed (whatever the archive's bean discovery mode),
 * it registers no CDI extension, and it references only Jakarta and MicroProfile APIs, which the
 * server has; nothing here is loaded unless a test calls {@code RuleHarness}. Its stand-ins are
 * added to the test's container as synthetic beans, which a veto does not touch.
 */
@Vetoed
package io.picolabs.twilio.harness;

import jakarta.enterprise.inject.Vetoed;
