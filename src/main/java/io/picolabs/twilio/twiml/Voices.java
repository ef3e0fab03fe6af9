package io.picolabs.twilio.twiml;

/**
 * Common values for {@code <Say voice>}. Twilio keeps adding voices (hundreds of Polly and Google
 * ones), so a voice is a string and these are only the usual ones, not a closed list.
 */
public final class Voices {
  public static final String MAN = "man";
  public static final String WOMAN = "woman";
  public static final String ALICE = "alice";
  public static final String POLLY_JOANNA = "Polly.Joanna";
  public static final String POLLY_MATTHEW = "Polly.Matthew";
  public static final String POLLY_AMY = "Polly.Amy";
  public static final String POLLY_JOANNA_NEURAL = "Polly.Joanna-Neural";
  public static final String GOOGLE_EN_US_STANDARD_C = "Google.en-US-Standard-C";
  public static final String GOOGLE_EN_US_NEURAL2_F = "Google.en-US-Neural2-F";

  private Voices() {}
}
