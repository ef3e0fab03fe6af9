/**
 * The library as a whole, for a host application: {@link io.picolabs.twilio.TwilioEndpoints} names
 * its JAX-RS classes (resources of several packages, hence here, above them all).
 */
package io.picolabs.twilio;
