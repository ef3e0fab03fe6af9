package io.picolabs.twilio.config;

import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * {@code twilio.numbers.*}: the numbers this server answers and the event types their webhooks
 * raise, as given; {@code numbers.NumberSettings} checks them.
 */
public record NumbersConfig(String numbers, String voiceEvent, String messagingEvent) {

  public static final Setting<String> NUMBERS = new Setting<>("twilio.numbers", String.class, null);
  public static final Setting<String> VOICE_EVENT =
      new Setting<>("twilio.numbers.voice-event", String.class, "inbound_call");
  public static final Setting<String> MESSAGING_EVENT =
      new Setting<>("twilio.numbers.messaging-event", String.class, "inbound_sms");

  public static final List<Setting<?>> SETTINGS = List.of(NUMBERS, VOICE_EVENT, MESSAGING_EVENT);

  public static NumbersConfig of(Config config) {
    return new NumbersConfig(
        NUMBERS.optional(config).orElse(""),
        VOICE_EVENT.in(config).strip(),
        MESSAGING_EVENT.in(config).strip());
  }
}
