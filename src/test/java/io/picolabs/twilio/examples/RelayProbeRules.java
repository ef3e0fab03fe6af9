package io.picolabs.twilio.examples;

import io.picolabs.twilio.rules.Relay;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import io.picolabs.twilio.rules.Twilio;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Rules of relay {@code probe}, for RelayIT: one fails, one sends what Twilio would refuse. */
@ApplicationScoped
public class RelayProbeRules {

  void first(
      @Observes @Priority(100) @Select(domain = "twilio", type = "probe_prompt") RuleEvent e,
      Relay relay) {
    relay.token("You said ").interruptible(false);
    relay.text(e.attr("voicePrompt")).lang(e.attr("lang"));
  }

  void fails(
      @Observes @Priority(200) @Select(domain = "twilio", type = "probe_prompt") RuleEvent e,
      Relay relay) {
    relay.text("never sent");
    throw new IllegalStateException("a rule that fails");
  }

  void refused(
      @Observes @Priority(300) @Select(domain = "twilio", type = "probe_prompt") RuleEvent e,
      Relay relay) {
    relay.sendDigits("not digits");
  }

  void last(
      @Observes @Priority(400) @Select(domain = "twilio", type = "probe_prompt") RuleEvent e,
      Relay relay) {
    relay.play("https://example.com/hold.mp3").loop(2).preemptible(true);
  }

  void dtmf(@Observes @Select(domain = "twilio", type = "probe_dtmf") RuleEvent e, Relay relay) {
    relay.sendDigits(e.attr("digit") + "w#");
    relay.language("fr-FR", null);
    relay.text("Caller " + e.attr("from") + " on " + e.attr("callSid") + ", " + e.attr("tier"));
  }

  /** Relay actions in a webhook's rule: the rule fails, the webhook answers the others' TwiML. */
  void misplaced(
      @Observes @Select(domain = "twilio", type = "probe_webhook") RuleEvent e,
      Relay relay,
      Twilio twilio) {
    relay.text("nowhere to go");
    twilio.say("not this either");
  }

  void webhook(
      @Observes @Select(domain = "twilio", type = "probe_webhook") RuleEvent e, Twilio twilio) {
    twilio.say("the webhook's answer");
  }

  /**
   * Relay {@code story}: a reply streamed word by word from a thread of its own, as a language
   * model's tokens come, until it is done or the caller cuts in.
   */
  void story(@Observes @Select(domain = "twilio", type = "story_prompt") RuleEvent e, Relay relay) {
    Relay.RelayStream reply = relay.stream();
    int words = Integer.parseInt(e.attr("voicePrompt").replaceAll("\\D", ""));
    Thread producer =
        new Thread(
            () -> {
              for (int i = 1; i < words; i++) {
                if (!reply.token("word" + i + " ")) {
                  return; // interrupted
                }
                pause();
              }
              reply.finish("word" + words + ".");
            });
    producer.setDaemon(true);
    producer.start();
    relay.text("That was the story.");
  }

  /** {@code POST /twilio/story_call}: the call talks with relay {@code story}. */
  void storyCall(
      @Observes @Select(domain = "twilio", type = "story_call") RuleEvent e, Twilio twilio) {
    twilio.connectRelay("story", null);
  }

  void cutIn(
      @Observes @Select(domain = "twilio", type = "story_interrupt") RuleEvent e, Relay relay) {
    relay.text("Sorry, go ahead.");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
