package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.Relay;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hello Monkey by voice: the favorite-number question of {@link HelloMonkey} asked and answered in
 * speech over ConversationRelay instead of a {@code <Gather>} of one digit. The number is kept as
 * the caller's {@code favorite}, as the keypad's is, so the monkey's page shows it.
 */
@ApplicationScoped
public class HelloMonkeyVoice {
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final List<String> WORDS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  private static final Pattern WORD = Pattern.compile("[a-z]+");

  /** {@code POST /twilio/monkey_voice}: the conversation, then {@code monkey_goodbye}. */
  void call(
      @Observes @Select(domain = "twilio", type = "monkey_voice") RuleEvent event, Twilio twilio) {
    twilio
        .connectRelay("monkey", "monkey_goodbye")
        .welcomeGreeting("Hello! What is your favorite number?");
  }

  /** What the caller said: a number is kept and said back, and the session ends; else ask again. */
  void prompt(
      @Observes @Select(domain = "twilio", type = "monkey_prompt") RuleEvent event,
      Relay relay,
      EntityVars ent) {
    String favorite = favoriteIn(event.attr("voicePrompt", ""));
    if (favorite == null) {
      relay.text("Sorry, I did not catch a number. What is your favorite number?");
      return;
    }
    if (ent.known()) {
      ent.set(HelloMonkey.FAVORITE, favorite);
    }
    relay.text("Your favorite number is " + favorite + ".");
    relay.end("{\"favorite\":\"" + favorite + "\"}");
  }

  /** The {@code <Connect action>} after the session: goodbye. */
  void goodbye(
      @Observes @Select(domain = "twilio", type = "monkey_goodbye") RuleEvent event,
      Twilio twilio) {
    twilio.say("Goodbye!");
    twilio.hangup();
  }

  /**
   * The number in what the caller said: the first digits, else the first of the words zero to nine;
   * null if none.
   */
  static String favoriteIn(String said) {
    Matcher digits = DIGITS.matcher(said);
    if (digits.find()) {
      return digits.group();
    }
    Matcher word = WORD.matcher(said.toLowerCase(Locale.ROOT));
    while (word.find()) {
      int number = WORDS.indexOf(word.group());
      if (number >= 0) {
        return Integer.toString(number);
      }
    }
    return null;
  }
}
