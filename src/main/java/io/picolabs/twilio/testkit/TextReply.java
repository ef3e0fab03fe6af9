package io.picolabs.twilio.testkit;

import java.util.List;
import java.util.stream.Collectors;

/** The server's answer to a text: the messages it sent back, with the TwiML to show on failure. */
public final class TextReply {
  private final String sender;
  private final MessageSimulator.Outcome outcome;

  TextReply(String sender, MessageSimulator.Outcome outcome) {
    this.sender = sender;
    this.outcome = outcome;
  }

  /** The answer sent exactly these bodies back to the sender, in order. */
  public TextReply repliesWith(String... bodies) {
    List<String> replies =
        outcome.texts().stream()
            .filter(text -> text.to().equals(sender))
            .map(Text::body)
            .collect(Collectors.toList());
    if (!replies.equals(List.of(bodies))) {
      throw new AssertionError(
          "expected the replies "
              + quoted(List.of(bodies))
              + " but got "
              + quoted(replies)
              + (outcome.error().isEmpty() ? "" : " (" + outcome.error() + ")")
              + "\n"
              + outcome.exchanges().stream()
                  .map(Exchange::toString)
                  .collect(Collectors.joining("\n")));
    }
    return this;
  }

  /** The answer sent nothing back. */
  public TextReply noReply() {
    return repliesWith();
  }

  /** Every message the answer sent (to the sender or to others). */
  public List<Text> texts() {
    return outcome.texts();
  }

  /** The requests made and their answers. */
  public List<Exchange> exchanges() {
    return outcome.exchanges();
  }

  private static String quoted(List<String> bodies) {
    return bodies.stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(", ", "[", "]"));
  }
}
