/**
 * Audio as Twilio's Media Streams carry it, for rules that pass a call's audio to a speech service
 * and back: μ-law to and from 16-bit PCM ({@link io.picolabs.twilio.media.MuLaw}, {@link
 * io.picolabs.twilio.media.Pcm16}), 8 kHz to and from 16 and 24 kHz ({@link
 * io.picolabs.twilio.media.Resample}). Plain functions of the JDK alone.
 */
package io.picolabs.twilio.media;
