/**
 * The database the instances share: its schema, versioned migrations (Flyway) that create and
 * change the library's tables on Derby and PostgreSQL, run at start under a lock so that instances
 * starting together end with one schema, or only checked where the application may not change the
 * schema; and its clock, the one time that leases written by one instance and read by another are
 * in.
 *
 * <p>Internal to the library: the public types here are public for the library's other packages and
 * the container, and may change.
 */
package io.picolabs.twilio.schema;
