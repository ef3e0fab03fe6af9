package io.picolabs.twilio.media;

/**
 * G.711 μ-law, the encoding of Twilio's Media Streams (8 kHz, mono, one byte per sample), to and
 * from linear 16-bit PCM, as ITU-T G.711 and the classic reference implementation define it: bias
 * 0x84, samples clipped at ±32,635, the byte inverted. Silence (0) is {@code 0xFF}.
 */
public final class MuLaw {
  private static final int BIAS = 0x84;
  private static final int CLIP = 32635;
  private static final short[] DECODED = new short[256];

  static {
    for (int i = 0; i < 256; i++) {
      DECODED[i] = decodeOne((byte) i);
    }
  }

  private MuLaw() {}

  /** One linear sample as μ-law. */
  public static byte encode(short linear) {
    int pcm = linear;
    int sign = 0;
    if (pcm < 0) {
      sign = 0x80;
      pcm = -pcm;
    }
    if (pcm > CLIP) {
      pcm = CLIP;
    }
    pcm += BIAS;
    int segment = pcm >> 7;
    int exponent = segment == 0 ? 0 : 31 - Integer.numberOfLeadingZeros(segment);
    int mantissa = (pcm >> (exponent + 3)) & 0x0F;
    return (byte) (~(sign | (exponent << 4) | mantissa));
  }

  /** One μ-law byte as a linear sample. */
  public static short decode(byte mulaw) {
    return DECODED[mulaw & 0xFF];
  }

  private static short decodeOne(byte mulaw) {
    int u = ~mulaw & 0xFF;
    int exponent = (u >> 4) & 0x07;
    int sample = ((((u & 0x0F) << 3) + BIAS) << exponent) - BIAS;
    return (short) ((u & 0x80) != 0 ? -sample : sample);
  }

  /** Linear samples as μ-law bytes, one per sample. */
  public static byte[] encode(short[] linear) {
    byte[] mulaw = new byte[linear.length];
    for (int i = 0; i < linear.length; i++) {
      mulaw[i] = encode(linear[i]);
    }
    return mulaw;
  }

  /** μ-law bytes as linear samples. */
  public static short[] decode(byte[] mulaw) {
    short[] linear = new short[mulaw.length];
    for (int i = 0; i < mulaw.length; i++) {
      linear[i] = DECODED[mulaw[i] & 0xFF];
    }
    return linear;
  }
}
