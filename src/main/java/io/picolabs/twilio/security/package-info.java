/**
 * Trusting only Twilio: the {@code X-Twilio-Signature} algorithm ({@link
 * io.picolabs.twilio.security.TwilioSignature}), the URL variants Twilio may have signed ({@link
 * io.picolabs.twilio.security.SignedUrls}) and constant-time comparison ({@link
 * io.picolabs.twilio.security.Secrets}). Pure logic; the JAX-RS filters that apply it live in the
 * webhook boundary.
 */
package io.picolabs.twilio.security;
