package io.picolabs.twilio.streams;

import io.picolabs.twilio.relay.RelayEvents;
import io.picolabs.twilio.relay.TwilioSocket;
import io.picolabs.twilio.rules.MediaStream;
import io.picolabs.twilio.rules.RuleEvent;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One bidirectional Media Stream: Twilio's messages over one WebSocket. {@code start}, {@code
 * dtmf}, {@code mark} and {@code stop} are events, raised in order; each {@code media} frame goes
 * to the listener a rule registered, on the socket's thread, in order; audio, marks and {@code
 * clear} go back from any thread. Nothing Twilio sends and nothing a listener does closes the
 * stream, only a rule's {@code end}: failures are logged.
 */
final class StreamSession implements MediaStream.AudioOut {
  private static final Logger LOG = Logger.getLogger(StreamSession.class.getName());
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private final String stream;
  private final TwilioSocket socket;
  private final AutoCloseable closer;
  private final String origin;
  private final BiFunction<RuleEvent, String, List<Consumer<StreamSession>>> rules;
  private volatile MediaStream.AudioListener listener;
  private volatile String streamSid;
  private volatile String mediaPrefix; // of streamSid's media messages, made at the start
  private Map<String, List<String>> start = Map.of();

  StreamSession(
      String stream,
      TwilioSocket.Sender socket,
      AutoCloseable closer,
      String origin,
      BiFunction<RuleEvent, String, List<Consumer<StreamSession>>> rules) {
    this.stream = stream;
    this.socket = new TwilioSocket("stream " + stream, socket);
    this.closer = closer;
    this.origin = origin;
    this.rules = rules;
  }

  /** Handles one text message from Twilio. */
  void receive(String text) {
    MediaFrames.Media media = MediaFrames.read(text); // most messages: read without a tree
    if (media != null) {
      frame(media);
      return;
    }
    TwilioSocket.Message read = socket.read(text, "event");
    if (read == null) {
      return;
    }
    JsonObject message = read.json();
    String event = read.name();
    switch (event) {
      case "media" -> { // one MediaFrames could not read: it has no usable payload
        if (listener != null) {
          LOG.warning(() -> "stream " + stream + ": a media message without a payload, skipped");
        }
      }
      case "connected" -> LOG.fine(() -> "stream " + stream + " connected");
      default -> {
        if (event.equals("start")) {
          start = RelayEvents.fields(message.getJsonObject("start"));
          streamSid = message.getString("streamSid", null);
          mediaPrefix = streamSid == null ? null : MediaFrames.prefix(streamSid);
        }
        raise(StreamEvents.of(stream, start, message));
        if (event.equals("stop")) {
          listener = null;
        }
      }
    }
  }

  private void frame(MediaFrames.Media media) {
    MediaStream.AudioListener to = listener;
    if (to == null) {
      return;
    }
    try {
      to.frame(media.frame(), this);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "stream " + stream + ": a frame not handled", e);
    }
  }

  private void raise(RuleEvent event) {
    List<Consumer<StreamSession>> actions;
    try {
      actions = rules.apply(event, origin);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "stream " + stream + ": " + event.type() + " not handled", e);
      return;
    }
    actions.forEach(action -> action.accept(this));
  }

  void listen(MediaStream.AudioListener listener) {
    this.listener = listener;
  }

  @Override
  public void play(byte[] mulaw) {
    String prefix = mediaPrefix;
    if (prefix == null) {
      throw notStarted();
    }
    send(MediaFrames.write(prefix, mulaw));
  }

  @Override
  public void mark(String name) {
    send(
        JSON.createObjectBuilder()
            .add("event", "mark")
            .add("streamSid", sid())
            .add("mark", JSON.createObjectBuilder().add("name", name))
            .build()
            .toString());
  }

  @Override
  public void clear() {
    send(
        JSON.createObjectBuilder()
            .add("event", "clear")
            .add("streamSid", sid())
            .build()
            .toString());
  }

  private String sid() {
    String sid = streamSid;
    if (sid == null) {
      throw notStarted();
    }
    return sid;
  }

  private static IllegalStateException notStarted() {
    return new IllegalStateException("the stream has not started: no streamSid to send to");
  }

  /** A rule ended the stream: what was sent before has gone, nothing more is, the socket closes. */
  void end() {
    close();
    try {
      closer.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "stream " + stream + ": the socket did not close", e);
    }
  }

  /** The socket closed: nothing more is sent, and no frame goes to the listener. */
  void close() {
    listener = null;
    socket.close();
  }

  private void send(String json) {
    socket.send(json);
  }
}
