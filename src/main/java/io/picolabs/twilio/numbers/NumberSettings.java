package io.picolabs.twilio.numbers;

import io.picolabs.twilio.config.NumbersConfig;
import io.picolabs.twilio.config.Setting;
import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.rest.NumberWebhooks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Which numbers this server answers and where Twilio should send them, read once at start-up:
 * {@code twilio.numbers} (E.164, comma-separated), {@code twilio.numbers.voice-event} ({@code
 * inbound_call}) and {@code twilio.numbers.messaging-event} ({@code inbound_sms}), with {@code
 * twilio.webhook.public-url} and the application's context root.
 */
@ApplicationScoped
public class NumberSettings {
  /** The numbers this server answers. */
  public static final String NUMBERS_KEY = NumbersConfig.NUMBERS.key();

  /** The event type of the status callback: the webhook the outbox's call statuses use too. */
  static final String STATUS_EVENT = "call_status";

  private static final Logger LOG = Logger.getLogger(NumberSettings.class.getName());
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_-]+");

  @Inject NumbersConfig config;
  @Inject PublicUrl publicUrls;

  private List<String> numbers;
  private Optional<String> publicUrl;
  private String voiceEvent;
  private String messagingEvent;

  @PostConstruct
  void read() {
    numbers =
        parseNumbers(
            config.numbers(),
            bad ->
                LOG.warning(
                    NUMBERS_KEY
                        + ": "
                        + bad
                        + " is not a number in E.164 form (+ and up to 15 digits); ignored"));
    String voiceEvent = eventType(NumbersConfig.VOICE_EVENT, config.voiceEvent());
    String messagingEvent = eventType(NumbersConfig.MESSAGING_EVENT, config.messagingEvent());
    publicUrl = publicUrls.configured();
    this.voiceEvent = voiceEvent;
    this.messagingEvent = messagingEvent;
  }

  private static String eventType(Setting<String> setting, String type) {
    if (!EVENT_TYPE.matcher(type).matches()) {
      LOG.severe(
          setting.key()
              + "="
              + type
              + " is not an event type (letters, digits, _ and -); using "
              + setting.fallback());
      return setting.fallback();
    }
    return type;
  }

  /**
   * The numbers of {@code value}, comma-separated, each stripped, in order and without repeats;
   * what is not E.164 goes to {@code invalid} and is left out.
   */
  static List<String> parseNumbers(String value, Consumer<String> invalid) {
    Set<String> numbers = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String number = part.strip();
      if (number.isEmpty()) {
        continue;
      }
      if (E164.matcher(number).matches()) {
        numbers.add(number);
      } else {
        invalid.accept(number);
      }
    }
    return List.copyOf(new ArrayList<>(numbers));
  }

  /**
   * The webhooks of a number answered by this server: calls to the voice event's webhook, messages
   * to the messaging event's, call statuses to {@code call_status}, all POST. Each URL is the
   * public URL, the base path (context root and JAX-RS application path, {@code ""} at {@code /})
   * and {@code /twilio/<event>}: exactly the URL the signature check rebuilds from a request to it.
   */
  static NumberWebhooks expected(
      String publicUrl, String basePath, String voiceEvent, String messagingEvent) {
    String webhooks = publicUrl + basePath + "/twilio/";
    return new NumberWebhooks(
        webhooks + voiceEvent,
        "POST",
        webhooks + messagingEvent,
        "POST",
        webhooks + STATUS_EVENT,
        "POST");
  }

  /** The configured numbers, in order. */
  public List<String> numbers() {
    return numbers;
  }

  /** {@code twilio.webhook.public-url}, if set. */
  public Optional<String> publicUrl() {
    return publicUrl;
  }

  /**
   * The webhooks every configured number should have; empty without a public URL. Not during the
   * application's start: the base path is known only after it ({@link PublicUrl#basePath}).
   */
  public Optional<NumberWebhooks> expected() {
    return publicUrl.map(url -> expected(url, publicUrls.basePath(), voiceEvent, messagingEvent));
  }
}
