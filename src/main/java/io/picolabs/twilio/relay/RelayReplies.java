package io.picolabs.twilio.relay;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.Relay;
import io.picolabs.twilio.spi.RuleEffects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The messages the rules of one relay message send back ({@link Relay}), taken as a unit with each
 * rule: checked when it returns (a message Twilio would refuse fails the rule, so that the session
 * never gets it: one bad message is a logged defect, not error 64107 on the call), dropped if it
 * fails, and sent by the {@link RelaySession} once every rule returned.
 */
@RequestScoped
public class RelayReplies implements Relay, RuleEffects {
  private static final Pattern DIGITS = Pattern.compile("[0-9wW*#]+");
  // one factory: Json.createObjectBuilder() looks the provider up on every call
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private final List<Reply> replies = new ArrayList<>();
  private CurrentEvent current;

  protected RelayReplies() {}

  @Inject
  public RelayReplies(CurrentEvent current) {
    this.current = current;
  }

  /** One message to send, its modifiers applied until it is written. */
  abstract static class Reply {
    final String type;
    final JsonObjectBuilder json = JSON.createObjectBuilder();
    private String written;

    Reply(String type) {
      this.type = type;
      json.add("type", type);
    }

    /** Why Twilio would refuse it, or null. */
    String defect() {
      return null;
    }

    String write() {
      if (written == null) { // once: building resets the builder
        written = json.build().toString();
      }
      return written;
    }

    Outgoing outgoing() {
      return new Outgoing.Message(write());
    }
  }

  /** A reply made while it is spoken. */
  static final class Streamed extends Reply {
    final StreamedReply reply = new StreamedReply();

    Streamed() {
      super("text");
    }

    @Override
    Outgoing outgoing() {
      return reply;
    }
  }

  /** A {@code text} message as Twilio reads it. */
  static String textJson(String token, boolean last) {
    return JSON.createObjectBuilder()
        .add("type", "text")
        .add("token", token)
        .add("last", last)
        .build()
        .toString();
  }

  static final class Text extends Reply implements RelayText {
    private final String token;

    Text(String token, boolean last) {
      super("text");
      this.token = token;
      if (token != null) {
        json.add("token", token);
      }
      json.add("last", last);
    }

    @Override
    String defect() {
      return token == null ? "text without a token" : null;
    }

    @Override
    public RelayText last() {
      json.add("last", true);
      return this;
    }

    @Override
    public RelayText lang(String language) {
      json.add("lang", Objects.requireNonNull(language, "lang"));
      return this;
    }

    @Override
    public RelayText interruptible(boolean interruptible) {
      json.add("interruptible", interruptible);
      return this;
    }

    @Override
    public RelayText preemptible(boolean preemptible) {
      json.add("preemptible", preemptible);
      return this;
    }
  }

  static final class Play extends Reply implements RelayPlay {
    private final String source;

    Play(String source) {
      super("play");
      this.source = source;
      if (source != null) {
        json.add("source", source);
      }
    }

    @Override
    String defect() {
      return source == null || source.isBlank() ? "play without a source" : null;
    }

    @Override
    public RelayPlay loop(int times) {
      if (times < 0) {
        throw new IllegalArgumentException("loop must be 0 or more: " + times);
      }
      json.add("loop", times);
      return this;
    }

    @Override
    public RelayPlay interruptible(boolean interruptible) {
      json.add("interruptible", interruptible);
      return this;
    }

    @Override
    public RelayPlay preemptible(boolean preemptible) {
      json.add("preemptible", preemptible);
      return this;
    }
  }

  static final class Simple extends Reply {
    private final String defect;

    Simple(String type, String defect) {
      super(type);
      this.defect = defect;
    }

    @Override
    String defect() {
      return defect;
    }
  }

  @Override
  public RelayText text(String text) {
    return add(new Text(text, true));
  }

  @Override
  public RelayText token(String token) {
    return add(new Text(token, false));
  }

  @Override
  public RelayStream stream() {
    return add(new Streamed()).reply;
  }

  @Override
  public RelayPlay play(String source) {
    return add(new Play(source));
  }

  @Override
  public void sendDigits(String digits) {
    Simple reply =
        new Simple(
            "sendDigits",
            digits == null || !DIGITS.matcher(digits).matches()
                ? "sendDigits takes 0-9, *, # and w: " + digits
                : null);
    if (digits != null) {
      reply.json.add("digits", digits);
    }
    add(reply);
  }

  @Override
  public void language(String ttsLanguage, String transcriptionLanguage) {
    Simple reply =
        new Simple(
            "language",
            ttsLanguage == null && transcriptionLanguage == null
                ? "language names neither language"
                : null);
    if (ttsLanguage != null) {
      reply.json.add("ttsLanguage", ttsLanguage);
    }
    if (transcriptionLanguage != null) {
      reply.json.add("transcriptionLanguage", transcriptionLanguage);
    }
    add(reply);
  }

  @Override
  public void end(String handoffData) {
    Simple reply = new Simple("end", null);
    if (handoffData != null) {
      reply.json.add("handoffData", handoffData);
    }
    add(reply);
  }

  private <T extends Reply> T add(T reply) {
    replies.add(reply);
    return reply;
  }

  /** What to send, in order: messages written, and replies still being made. */
  List<Outgoing> outgoing() {
    return replies.stream().map(Reply::outgoing).toList();
  }

  /** The messages written so far, in order, streamed replies left out. */
  public List<String> messages() {
    return replies.stream()
        .filter(reply -> !(reply instanceof Streamed))
        .map(Reply::write)
        .toList();
  }

  /** Whether the messages end the session. */
  public boolean ends() {
    return !replies.isEmpty() && isEnd(replies.get(replies.size() - 1));
  }

  @Override
  public Object emptySavepoint() {
    return 0;
  }

  @Override
  public Object savepoint() {
    return replies.size();
  }

  /** Fails the rule whose messages Twilio would refuse, or that answered no relay message. */
  @Override
  public void check(Object savepoint, String rule) {
    int from = (int) savepoint;
    if (from == replies.size()) {
      return;
    }
    if (!RelayEvents.isRelayEvent(current.get())) {
      throw new IllegalStateException(
          rule + " gave relay messages for an event of no relay session: " + current.get().type());
    }
    for (int i = from; i < replies.size(); i++) {
      String defect = replies.get(i).defect();
      if (defect != null) {
        throw new IllegalArgumentException(rule + ": " + defect);
      }
      if (i > 0 && isEnd(replies.get(i - 1))) {
        throw new IllegalStateException(rule + ": a relay message after end");
      }
    }
  }

  private static boolean isEnd(Reply reply) {
    return reply.type.equals("end");
  }

  /** Drops the messages of the rule that failed; its streamed replies are cancelled. */
  @Override
  public void rollback(Object savepoint) {
    List<Reply> dropped = replies.subList((int) savepoint, replies.size());
    for (Reply reply : dropped) {
      if (reply instanceof Streamed streamed) {
        streamed.reply.cancel();
      }
    }
    dropped.clear();
  }
}
