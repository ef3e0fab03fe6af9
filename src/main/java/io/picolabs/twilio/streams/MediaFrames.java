package io.picolabs.twilio.streams;

import io.picolabs.twilio.rules.MediaStream;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Base64;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A Media Stream's {@code media} messages, read and written without a JSON tree. Fifty a second
 * each way per call, they were most of what a stream allocated (JFR, docs/performance.md), and the
 * collector's pauses that garbage brings on made the tail of the echo's latency. A message that is
 * not a plain {@code media} message is left to the full parser.
 */
final class MediaFrames {
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private MediaFrames() {}

  /** The fields of a {@code media} message's {@code media} object, as Twilio sends them. */
  record Media(String track, String chunk, String timestamp, String payload) {
    /** The frame; throws if the payload is not Base64 or a counter not a number. */
    MediaStream.AudioFrame frame() {
      return new MediaStream.AudioFrame(
          Base64.getDecoder().decode(payload),
          track == null ? "inbound" : track,
          chunk == null ? 0 : Long.parseLong(chunk),
          timestamp == null ? 0 : Long.parseLong(timestamp));
    }
  }

  /**
   * The media of {@code text} if it is a JSON object whose {@code event} is {@code media} and whose
   * {@code media} object has a {@code payload}; otherwise null (any other message, or JSON this
   * reader does not take: the full parser then reads it).
   */
  static Media read(String text) {
    String event = null;
    String track = null;
    String chunk = null;
    String timestamp = null;
    String payload = null;
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        return null;
      }
      for (JsonParser.Event key; (key = parser.next()) != JsonParser.Event.END_OBJECT; ) {
        if (key != JsonParser.Event.KEY_NAME) {
          return null;
        }
        String name = parser.getString();
        JsonParser.Event value = parser.next();
        if (name.equals("event")) {
          if (value != JsonParser.Event.VALUE_STRING || !parser.getString().equals("media")) {
            return null;
          }
          event = "media";
        } else if (name.equals("media") && value == JsonParser.Event.START_OBJECT) {
          for (JsonParser.Event inner; (inner = parser.next()) != JsonParser.Event.END_OBJECT; ) {
            String field = parser.getString();
            JsonParser.Event fieldValue = parser.next();
            String scalar = scalar(parser, fieldValue);
            switch (field) {
              case "track" -> track = scalar;
              case "chunk" -> chunk = scalar;
              case "timestamp" -> timestamp = scalar;
              case "payload" -> payload = scalar;
              default -> {}
            }
          }
        } else {
          scalar(parser, value);
        }
      }
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      return null;
    }
    return event == null || payload == null ? null : new Media(track, chunk, timestamp, payload);
  }

  /** A string or number's text; a nested object or array is skipped (null). */
  private static String scalar(JsonParser parser, JsonParser.Event value) {
    switch (value) {
      case VALUE_STRING, VALUE_NUMBER -> {
        return parser.getString();
      }
      case START_OBJECT -> parser.skipObject();
      case START_ARRAY -> parser.skipArray();
      default -> {}
    }
    return null;
  }

  /**
   * The start of every {@code media} message to stream {@code streamSid}: {@code
   * {"event":"media","streamSid":"MZ…","media":{"payload":"}, the SID escaped as JSON.
   */
  static String prefix(String streamSid) {
    return "{\"event\":\"media\",\"streamSid\":"
        + Json.createValue(streamSid)
        + ",\"media\":{\"payload\":\"";
  }

  /** The {@code media} message carrying {@code mulaw} (Base64 needs no escaping in JSON). */
  static String write(String prefix, byte[] mulaw) {
    String payload = Base64.getEncoder().encodeToString(mulaw);
    return new StringBuilder(prefix.length() + payload.length() + 3)
        .append(prefix)
        .append(payload)
        .append("\"}}")
        .toString();
  }
}
