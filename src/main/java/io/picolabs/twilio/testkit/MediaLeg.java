package io.picolabs.twilio.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.BiConsumer;
import org.w3c.dom.Element;

/**
 * Twilio's side of a bidirectional Media Stream ({@code <Connect><Stream>}): it connects signed,
 * sends {@code connected} and {@code start}, the caller's audio as 20 ms {@code media} frames and
 * keys as {@code dtmf}, and {@code stop} when the caller hangs up. What the server sends back is
 * heard: its audio (consecutive frames joined), its marks, its {@code clear}s. Playback takes no
 * time here, so each mark comes back to the server as soon as it arrives, after the audio before
 * it.
 */
final class MediaLeg {
  /** 20 ms of μ-law at 8 kHz: the frame Twilio sends. */
  static final int FRAME_BYTES = 160;

  private final SocketLeg socket;
  private final String streamSid = Sids.next("MZ");
  private final Map<String, String> call;
  private long sequence;
  private long chunk;
  private long millis;

  private MediaLeg(SocketLeg socket, Map<String, String> call) {
    this.socket = socket;
    this.call = call;
  }

  /** Connects to the {@code stream}'s URL and starts it with its {@code <Parameter>}s. */
  static MediaLeg start(Webhooks http, Element stream, Map<String, String> call) {
    MediaLeg leg =
        new MediaLeg(SocketLeg.open(http, URI.create(stream.getAttribute("url").trim())), call);
    JsonText custom = new JsonText();
    for (Element parameter : Twiml.children(stream)) {
      if (parameter.getTagName().equals("Parameter")) {
        custom.string(parameter.getAttribute("name"), parameter.getAttribute("value"));
      }
    }
    leg.socket.send(
        new JsonText()
            .string("event", "connected")
            .string("protocol", "Call")
            .string("version", "1.0.0")
            .toString());
    leg.send(
        "start",
        new JsonText()
            .string("accountSid", call.getOrDefault("AccountSid", ""))
            .string("streamSid", leg.streamSid)
            .string("callSid", call.getOrDefault("CallSid", ""))
            .raw("tracks", "[\"inbound\"]")
            .raw("customParameters", custom.toString())
            .raw(
                "mediaFormat",
                new JsonText()
                    .string("encoding", "audio/x-mulaw")
                    .number("sampleRate", 8000)
                    .number("channels", 1)
                    .toString())
            .toString());
    return leg;
  }

  /** The stream's audio so far, in milliseconds. */
  long millis() {
    return millis;
  }

  /** The caller's audio, {@code mulaw} in 20 ms frames (the last one shorter if it falls so). */
  void audio(byte[] mulaw) {
    for (int from = 0; from < mulaw.length; from += FRAME_BYTES) {
      byte[] frame = Arrays.copyOfRange(mulaw, from, Math.min(mulaw.length, from + FRAME_BYTES));
      send(
          "media",
          new JsonText()
              .string("track", "inbound")
              .string("chunk", String.valueOf(++chunk))
              .string("timestamp", String.valueOf(millis))
              .string("payload", Base64.getEncoder().encodeToString(frame))
              .toString());
      millis += frame.length / 8;
    }
  }

  /** The caller presses {@code keys}: a {@code dtmf} each. */
  void press(String keys) {
    for (char key : keys.toCharArray()) {
      send(
          "dtmf",
          new JsonText()
              .string("track", "inbound_track")
              .string("digit", String.valueOf(key))
              .toString());
    }
  }

  /**
   * What the server sends, until it is quiet for {@code quietMillis} ({@code firstMillis} for the
   * first message), told to {@code heard}. Returns whether the server closed the socket.
   */
  boolean listen(long firstMillis, long quietMillis, BiConsumer<Heard.Kind, String> heard) {
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    long wait = firstMillis;
    while (true) {
      Map<String, String> message = socket.poll(wait);
      wait = quietMillis;
      if (message == null || message == SocketLeg.CLOSED) {
        played(audio, heard);
        return message != null;
      }
      String event = message.getOrDefault("event", "");
      if (!streamSid.equals(message.get("streamSid"))) {
        heard.accept(
            Heard.Kind.ERROR, "a message for another stream than " + streamSid + ": " + message);
        continue;
      }
      switch (event) {
        case "media" -> {
          String payload = field(message, "media", "payload");
          audio.writeBytes(Base64.getDecoder().decode(payload == null ? "" : payload));
        }
        case "mark" -> {
          played(audio, heard);
          String name = field(message, "mark", "name");
          heard.accept(Heard.Kind.MARK, name);
          send("mark", new JsonText().string("name", name).toString());
        }
        case "clear" -> {
          played(audio, heard);
          heard.accept(Heard.Kind.OTHER, "clear");
        }
        default ->
            heard.accept(
                Heard.Kind.ERROR, "a message Twilio refuses, the stream goes on: " + message);
      }
    }
  }

  /** The caller hangs up: {@code stop}, then the socket closes (unless the server closed it). */
  void stop() {
    String stop =
        message(
            "stop",
            new JsonText()
                .string("accountSid", call.getOrDefault("AccountSid", ""))
                .string("callSid", call.getOrDefault("CallSid", ""))
                .toString());
    if (socket.sendWhileOpen(stop)) { // else the server closed it: there is no one to tell
      close();
    }
  }

  void close() {
    socket.close();
  }

  private static void played(ByteArrayOutputStream audio, BiConsumer<Heard.Kind, String> heard) {
    if (audio.size() > 0) {
      heard.accept(Heard.Kind.AUDIO, Base64.getEncoder().encodeToString(audio.toByteArray()));
      audio.reset();
    }
  }

  private static String field(Map<String, String> message, String object, String name) {
    String inner = message.get(object);
    return inner == null || !inner.startsWith("{") ? null : SocketLeg.flat(inner).get(name);
  }

  /** A message of {@code event} whose body is {@code body}, in Twilio's order of members. */
  private void send(String event, String body) {
    socket.send(message(event, body));
  }

  private String message(String event, String body) {
    return new JsonText()
        .string("event", event)
        .string("sequenceNumber", String.valueOf(++sequence))
        .raw(event, body)
        .string("streamSid", streamSid)
        .toString();
  }
}
