/**
 * Trusting only Twilio: the {@code X-Twilio-Signature} algorithm ({@link
 * io.picolabs.twilio.security.TwilioSignature}), the URL variants Twilio may have signed ({@link
 * io.picolabs.twilio.security.SignedUrls}) and constant-time comparison ({@link
 * io.picolabs.twilio.security.Secrets}). Pure logic; the JAX-RS filters that apply it live in the
 * webhook boundary.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.security;
