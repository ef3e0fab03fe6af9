/**
 * Benchmark-only code, compiled only by the {@code benchmark} Maven profile into its own build
 * directory: never part of the production WAR.
 */
package io.picolabs.twilio.benchmark;
