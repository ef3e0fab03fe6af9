package io.picolabs.twilio.media;

/**
 * Between Twilio's 8 kHz and the 16 and 24 kHz of speech services, by whole factors: up by linear
 * interpolation between neighbouring samples (the last one held), down by the mean of each group of
 * samples (a crude low-pass that keeps what 8 kHz can carry from folding back as noise). Enough for
 * telephone speech, which holds nothing above 4 kHz; not a studio resampler.
 */
public final class Resample {
  private Resample() {}

  /** 8 kHz samples at {@code rate} (16,000 or 24,000, or 8,000: unchanged). */
  public static short[] from8k(short[] samples, int rate) {
    int factor = factor(rate);
    short[] out = new short[samples.length * factor];
    for (int i = 0; i < samples.length; i++) {
      int from = samples[i];
      int to = i + 1 < samples.length ? samples[i + 1] : from;
      for (int k = 0; k < factor; k++) {
        out[i * factor + k] = (short) (from + Math.floorDiv((to - from) * k, factor));
      }
    }
    return out;
  }

  /**
   * Samples at {@code rate} (16,000 or 24,000, or 8,000: unchanged) at 8 kHz; a last incomplete
   * group is averaged on its own.
   */
  public static short[] to8k(short[] samples, int rate) {
    int factor = factor(rate);
    short[] out = new short[(samples.length + factor - 1) / factor];
    for (int i = 0; i < out.length; i++) {
      int sum = 0;
      int count = 0;
      for (int k = i * factor; k < Math.min(samples.length, (i + 1) * factor); k++) {
        sum += samples[k];
        count++;
      }
      out[i] = (short) Math.floorDiv(sum, count);
    }
    return out;
  }

  private static int factor(int rate) {
    return switch (rate) {
      case 8000 -> 1;
      case 16000 -> 2;
      case 24000 -> 3;
      default -> throw new IllegalArgumentException("8000, 16000 or 24000 Hz, not " + rate);
    };
  }
}
