package io.picolabs.twilio.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The audio helpers against reference values (ITU-T G.711's reference μ-law, worked by hand). */
class AudioTest {

  @Test
  void muLawMatchesTheReferenceEncoder() {
    assertEquals((byte) 0xFF, MuLaw.encode((short) 0));
    assertEquals((byte) 0xCE, MuLaw.encode((short) 1000));
    assertEquals((byte) 0x4E, MuLaw.encode((short) -1000));
    assertEquals((byte) 0x80, MuLaw.encode((short) 32767));
    assertEquals((byte) 0x00, MuLaw.encode((short) -32768));
    assertEquals((byte) 0x80, MuLaw.encode((short) 32635), "clipped");
    assertEquals(-32124, MuLaw.decode((byte) 0x00));
    assertEquals(32124, MuLaw.decode((byte) 0x80));
    assertEquals(0, MuLaw.decode((byte) 0xFF));
    assertEquals(0, MuLaw.decode((byte) 0x7F), "the negative zero");
    assertEquals(988, MuLaw.decode((byte) 0xCE), "1000 comes back as its step's value");
  }

  @Test
  void everyCodeButTheNegativeZeroSurvivesDecodingAndEncoding() {
    for (int code = 0; code < 256; code++) {
      if (code == 0x7F) {
        continue;
      }
      assertEquals((byte) code, MuLaw.encode(MuLaw.decode((byte) code)), "code " + code);
    }
    // and every sample lands on the nearest step below or at most one step away, sign kept
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
      short back = MuLaw.decode(MuLaw.encode((short) sample));
      assertTrue(
          Math.abs(back - Math.max(-32635, Math.min(32635, sample))) <= 1024,
          sample + " came back as " + back);
      assertTrue(sample == 0 || back == 0 || Integer.signum(back) == Integer.signum(sample));
    }
  }

  @Test
  void arraysAreEncodedSampleBySample() {
    short[] samples = {0, 1000, -1000, 32767};
    assertArrayEquals(
        new byte[] {(byte) 0xFF, (byte) 0xCE, 0x4E, (byte) 0x80}, MuLaw.encode(samples));
    assertArrayEquals(new short[] {0, 988, -988, 32124}, MuLaw.decode(MuLaw.encode(samples)));
  }

  @Test
  void pcm16IsLittleEndian() {
    short[] samples = {1, -2, 0x1234};
    byte[] bytes = {1, 0, (byte) 0xFE, (byte) 0xFF, 0x34, 0x12};
    assertArrayEquals(bytes, Pcm16.toBytes(samples));
    assertArrayEquals(samples, Pcm16.fromBytes(bytes));
    assertThrows(IllegalArgumentException.class, () -> Pcm16.fromBytes(new byte[3]));
  }

  @Test
  void upsamplingInterpolatesAndHoldsTheLastSample() {
    assertArrayEquals(
        new short[] {0, 150, 300, 0, -300, -300},
        Resample.from8k(new short[] {0, 300, -300}, 16000));
    assertArrayEquals(
        new short[] {0, 100, 200, 300, 300, 300}, Resample.from8k(new short[] {0, 300}, 24000));
    assertArrayEquals(new short[] {5, -5}, Resample.from8k(new short[] {5, -5}, 8000));
  }

  @Test
  void downsamplingAveragesEachGroup() {
    assertArrayEquals(
        new short[] {75, 150, -300},
        Resample.to8k(new short[] {0, 150, 300, 0, -300, -300}, 16000));
    assertArrayEquals(new short[] {2, 4}, Resample.to8k(new short[] {1, 2, 3, 4, 5}, 24000));
    assertArrayEquals(new short[] {-2}, Resample.to8k(new short[] {-1, -2}, 16000));
    assertThrows(IllegalArgumentException.class, () -> Resample.to8k(new short[2], 44100));
  }

  @Test
  void aTwentyMillisecondFrameIs160BytesAnd320Or480SamplesAfterUpsampling() {
    byte[] frame = new byte[160];
    assertEquals(320, Resample.from8k(MuLaw.decode(frame), 16000).length);
    assertEquals(480, Resample.from8k(MuLaw.decode(frame), 24000).length);
    assertEquals(160, MuLaw.encode(Resample.to8k(new short[480], 24000)).length);
  }
}
