package io.picolabs.twilio.console;

import io.picolabs.twilio.testkit.SentText;
import io.picolabs.twilio.testkit.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The console's texts: what its phones sent and the replies in the server's answers (the last
 * {@value #KEPT}), shown with the messages rules sent through the fake REST API, which keeps those.
 */
@ApplicationScoped
public class TextThread {
  static final int KEPT = 500;

  private record Line(Instant at, String phone, String direction, String via, String body) {}

  private final Deque<Line> lines = new ArrayDeque<>();

  /** {@code phone} sent {@code body}; the server's answer replied {@code replies}. */
  synchronized void exchanged(String phone, String body, List<Text> replies) {
    Instant now = Instant.now();
    add(new Line(now, phone, "to-server", "sent", body));
    for (Text reply : replies) {
      add(new Line(now, reply.to(), "from-server", "reply", reply.body()));
    }
  }

  /** The thread of {@code phone}, oldest first, with {@code sent} (messages rules sent to it). */
  JsonArrayBuilder of(String phone, List<SentText> sent) {
    record Shown(Instant at, JsonObject json) {}
    List<Shown> thread = new ArrayList<>();
    synchronized (this) {
      for (Line line : lines) {
        if (line.phone().equals(phone)) {
          thread.add(
              new Shown(
                  line.at(),
                  Json.createObjectBuilder()
                      .add("direction", line.direction())
                      .add("via", line.via())
                      .add("body", line.body())
                      .build()));
        }
      }
    }
    for (SentText text : sent) {
      thread.add(
          new Shown(
              text.created(),
              Json.createObjectBuilder()
                  .add("direction", "from-server")
                  .add(
                      "via",
                      "REST API from "
                          + (text.from() != null ? text.from() : text.messagingServiceSid()))
                  .add("body", text.body())
                  .add("sid", text.sid())
                  .add("status", text.status())
                  .build()));
    }
    thread.sort(Comparator.comparing(Shown::at));
    JsonArrayBuilder json = Json.createArrayBuilder();
    thread.forEach(shown -> json.add(shown.json()));
    return json;
  }

  private void add(Line line) {
    lines.addLast(line);
    if (lines.size() > KEPT) {
      lines.removeFirst();
    }
  }
}
