package io.picolabs.twilio.relay;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One of Twilio's WebSockets as a session sees it (a ConversationRelay session's, a Media
 * Stream's): its text messages read as JSON objects named by a field ({@code type}, {@code event}),
 * what is not one logged and skipped; messages sent one at a time, from any thread, until the
 * socket is gone. Nothing read or sent here closes the socket: a dropped socket fails Twilio's
 * call.
 */
public final class TwilioSocket {
  private static final Logger LOG = Logger.getLogger(TwilioSocket.class.getName());
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Where the messages go: the WebSocket's remote end. */
  public interface Sender {
    void send(String text) throws IOException;
  }

  /** A message read: the JSON object, and the name its field gave it. */
  public record Message(JsonObject json, String name) {}

  private final String what;
  private final Sender sender;
  private final Object sending = new Object();
  private boolean closed; // guarded by sending

  /** {@code what}: the session, for the log ({@code relay monkey}); {@code sender}: the socket. */
  public TwilioSocket(String what, Sender sender) {
    this.what = what;
    this.sender = sender;
  }

  /**
   * {@code text} as a JSON object named by its string field {@code field}; null (logged) if it is
   * no JSON object or has no usable name.
   */
  public Message read(String text, String field) {
    JsonObject message;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      message = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      LOG.warning(() -> what + ": a message that is no JSON object, skipped: " + e);
      return null;
    }
    String name = message.get(field) instanceof JsonString s ? s.getString() : null;
    if (name == null || !NAME.matcher(name).matches()) {
      LOG.warning(() -> what + ": a message without a usable " + field + ", skipped");
      return null;
    }
    return new Message(message, name);
  }

  /** Sends {@code json}, unless the socket is gone (then logged once, and nothing more is sent). */
  public void send(String json) {
    synchronized (sending) {
      if (closed) {
        return;
      }
      try {
        sender.send(json);
      } catch (IOException | IllegalStateException e) {
        closed = true;
        LOG.warning(() -> what + ": the socket is gone; not sent: " + json + " (" + e + ")");
      }
    }
  }

  /** The socket closed: nothing more is sent. */
  public void close() {
    synchronized (sending) {
      closed = true;
    }
  }
}
