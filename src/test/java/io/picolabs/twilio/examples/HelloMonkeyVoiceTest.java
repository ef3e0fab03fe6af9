package io.picolabs.twilio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelloMonkeyVoiceTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "I think seven | 7",
        "Seven. | 7",
        "my favorite is 42, or three | 42",
        "zero | 0",
        "nine lives | 9",
        "someone said nothing | none",
        "sevens | none",
        "'' | none"
      })
  void theNumberInWhatTheCallerSaid(String said, String favorite) {
    assertEquals(favorite, HelloMonkeyVoice.favoriteIn(said));
  }
}
