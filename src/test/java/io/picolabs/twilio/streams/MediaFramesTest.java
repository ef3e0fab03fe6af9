package io.picolabs.twilio.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.picolabs.twilio.rules.MediaStream;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The tree-less reading and writing of media messages, against the JSON parser's reading. */
class MediaFramesTest {

  @Test
  void aMediaMessageIsReadInAnyOrderOfItsMembers() {
    String twilio =
        "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"inbound\","
            + "\"chunk\":\"2\",\"timestamp\":\"20\",\"payload\":\"f/8A\"},\"streamSid\":\"MZ1\"}";
    String reordered =
        "{ \"streamSid\" : \"MZ1\", \"media\" : { \"payload\" : \"f\\/8A\", \"extra\" : {\"a\":[1,{}]},"
            + " \"timestamp\" : 20, \"chunk\" : \"2\", \"track\" : \"inbound\" },"
            + " \"tags\" : [\"x\", {\"y\": null}], \"flag\" : true, \"event\" : \"media\" }";
    for (String text : new String[] {twilio, reordered}) {
      MediaStream.AudioFrame frame = MediaFrames.read(text).frame();
      assertArrayEquals(new byte[] {0x7F, (byte) 0xFF, 0x00}, frame.mulaw(), text);
      assertEquals("inbound", frame.track());
      assertEquals(2, frame.chunk());
      assertEquals(20, frame.timestampMillis());
    }
  }

  @Test
  void anythingButAPlainMediaMessageIsLeftToTheFullParser() {
    for (String text :
        new String[] {
          "{\"event\":\"mark\",\"mark\":{\"name\":\"a\"}}",
          "{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ1\"},\"media\":{\"payload\":\"AA==\"}}",
          "{\"media\":{\"payload\":\"AA==\"}}", // no event
          "{\"event\":\"media\",\"media\":{\"chunk\":\"1\"}}", // no payload
          "{\"event\":\"media\",\"media\":\"AA==\"}",
          "{\"event\":7,\"media\":{\"payload\":\"AA==\"}}",
          "[\"event\",\"media\"]",
          "{\"event\":\"media\",\"media\":{\"payload\":\"AA==\"}",
          "not json",
          ""
        }) {
      assertNull(MediaFrames.read(text), text);
    }
  }

  @Test
  void aWrittenMediaMessageIsWhatTheJsonBuilderWrites() {
    byte[] audio = new byte[160];
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (byte) (i * 7);
    }
    for (String sid : new String[] {"MZ00000000000000000000000000000001", "MZ\"odd\\sid\u0001"}) {
      String written = MediaFrames.write(MediaFrames.prefix(sid), audio);
      String built =
          Json.createObjectBuilder()
              .add("event", "media")
              .add("streamSid", sid)
              .add(
                  "media",
                  Json.createObjectBuilder()
                      .add("payload", java.util.Base64.getEncoder().encodeToString(audio)))
              .build()
              .toString();
      assertEquals(built, written);
      assertEquals(
          Json.createReader(new StringReader(built)).readObject(),
          Json.createReader(new StringReader(written)).readObject());
    }
  }
}
