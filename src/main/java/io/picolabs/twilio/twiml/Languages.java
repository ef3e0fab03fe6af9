package io.picolabs.twilio.twiml;

/** Common values for {@code language} (Say, Gather). Open like the voices: a BCP 47 string. */
public final class Languages {
  public static final String EN_US = "en-US";
  public static final String EN_GB = "en-GB";
  public static final String EN_AU = "en-AU";
  public static final String ES_ES = "es-ES";
  public static final String ES_MX = "es-MX";
  public static final String FR_FR = "fr-FR";
  public static final String DE_DE = "de-DE";
  public static final String IT_IT = "it-IT";
  public static final String PT_BR = "pt-BR";
  public static final String JA_JP = "ja-JP";

  private Languages() {}
}
