package io.picolabs.twilio.media;

/**
 * Linear 16-bit PCM samples to and from bytes, little-endian: the byte order speech services take
 * (OpenAI's realtime {@code pcm16}, WAV).
 */
public final class Pcm16 {
  private Pcm16() {}

  /** {@code samples} as little-endian bytes, two per sample. */
  public static byte[] toBytes(short[] samples) {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return bytes;
  }

  /** Little-endian bytes as samples; an odd last byte is refused. */
  public static short[] fromBytes(byte[] bytes) {
    if (bytes.length % 2 != 0) {
      throw new IllegalArgumentException("16-bit PCM has an even number of bytes: " + bytes.length);
    }
    short[] samples = new short[bytes.length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
    }
    return samples;
  }
}
