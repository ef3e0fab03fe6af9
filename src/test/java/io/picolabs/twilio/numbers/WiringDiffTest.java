package io.picolabs.twilio.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.numbers.WiringDiff.Difference;
import io.picolabs.twilio.numbers.WiringDiff.Field;
import io.picolabs.twilio.rest.IncomingNumber;
import io.picolabs.twilio.rest.NumberWebhooks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiringDiffTest {
  private static final String PN = "PN0123456789abcdef0123456789abcdef";
  private static final NumberWebhooks EXPECTED =
      NumberSettings.expected("https://voice.example.com", "", "inbound_call", "inbound_sms");

  @Test
  void theExpectedWebhooksAreThePublicUrlTheContextRootAndTheEvents() {
    assertEquals(
        new NumberWebhooks(
            "https://voice.example.com/twilio/inbound_call",
            "POST",
            "https://voice.example.com/twilio/inbound_sms",
            "POST",
            "https://voice.example.com/twilio/call_status",
            "POST"),
        EXPECTED);
    assertEquals(
        new NumberWebhooks(
            "https://h.example.com/proxy/app/twilio/call",
            "POST",
            "https://h.example.com/proxy/app/twilio/text",
            "POST",
            "https://h.example.com/proxy/app/twilio/call_status",
            "POST"),
        NumberSettings.expected("https://h.example.com/proxy", "/app", "call", "text"));
  }

  @Test
  void numbersAreE164InOrderWithoutRepeats() {
    List<String> invalid = new ArrayList<>();
    assertEquals(
        List.of("+15005550001", "+442071234567"),
        NumberSettings.parseNumbers(
            " +15005550001, ,+442071234567,8015551234,+15005550001,+0123", invalid::add));
    assertEquals(List.of("8015551234", "+0123"), invalid);
    assertEquals(List.of(), NumberSettings.parseNumbers("", invalid::add));
  }

  @Test
  void aNumberWiredAsExpectedHasNoDifferences() {
    assertEquals(List.of(), WiringDiff.between(EXPECTED, EXPECTED));
  }

  @Test
  void methodsIgnoreCaseAndAMissingOneIsPost() {
    NumberWebhooks lower =
        new NumberWebhooks(
            EXPECTED.voiceUrl(), "post", EXPECTED.smsUrl(), null, EXPECTED.statusCallback(), "");
    assertEquals(List.of(), WiringDiff.between(lower, EXPECTED));
    assertTrue(Field.VOICE_METHOD.same("Post", "POST"));
    assertFalse(Field.VOICE_METHOD.same("GET", "POST"));
  }

  @Test
  void urlsMustBeTheSameTextAndNoneIsEmpty() {
    assertTrue(Field.SMS_URL.same(null, ""));
    assertFalse(
        Field.SMS_URL.same("https://voice.example.com/twilio/inbound_sms/", EXPECTED.smsUrl()));
    assertFalse(
        Field.SMS_URL.same("HTTPS://voice.example.com/twilio/inbound_sms", EXPECTED.smsUrl()));
  }

  @Test
  void eachDifferingFieldIsListedInOrderWithBothValues() {
    NumberWebhooks current =
        new NumberWebhooks(
            "https://old.example.com/voice", "GET", EXPECTED.smsUrl(), "POST", "", "POST");
    List<Difference> differences = WiringDiff.between(current, EXPECTED);
    assertEquals(
        List.of(
            new Difference(
                Field.VOICE_URL,
                "https://old.example.com/voice",
                "https://voice.example.com/twilio/inbound_call"),
            new Difference(Field.VOICE_METHOD, "GET", "POST"),
            new Difference(
                Field.STATUS_CALLBACK, "", "https://voice.example.com/twilio/call_status")),
        differences);
    assertEquals(
        "twilio.numbers: +15005550001 ("
            + PN
            + ") is not wired to this server: voice_url \"https://old.example.com/voice\","
            + " expected \"https://voice.example.com/twilio/inbound_call\"; voice_method \"GET\","
            + " expected \"POST\"; status_callback none, expected"
            + " \"https://voice.example.com/twilio/call_status\""
            + " (POST /numbers/+15005550001/wire sets them)",
        WiringDiff.differs("+15005550001", PN, differences));
  }

  @Test
  void theOtherLogLines() {
    assertEquals(
        "twilio.numbers: +15005550001 (" + PN + ") is wired to this server",
        WiringDiff.wired("+15005550001", PN));
    assertEquals(
        "twilio.numbers: +15005550003 is not a number of Twilio account AC1",
        WiringDiff.notFound("+15005550003", "AC1"));
    assertEquals(
        "twilio.numbers: +15005550001 could not be checked: look up number +15005550001: Twilio"
            + " could not be reached",
        WiringDiff.unchecked(
            "+15005550001", "look up number +15005550001: Twilio\n could not be reached "));
    assertEquals("", WiringDiff.applicationNote(null, ""));
    assertEquals(
        " (note: calls go to application AP1, not voice_url; messages go to application AP2, not"
            + " sms_url)",
        WiringDiff.applicationNote("AP1", "AP2"));
  }

  private static IncomingNumber at(NumberWebhooks webhooks) {
    return new IncomingNumber(
        PN,
        "AC1",
        "+15005550001",
        webhooks.voiceUrl(),
        webhooks.voiceMethod(),
        webhooks.smsUrl(),
        webhooks.smsMethod(),
        webhooks.statusCallback(),
        webhooks.statusCallbackMethod(),
        null,
        null);
  }

  @Test
  void aNumberIsWiredOnlyIfFoundWithEveryFieldAsExpected() {
    assertTrue(new NumberState("+15005550001", at(EXPECTED), EXPECTED, null).wired());
    assertFalse(new NumberState("+15005550001", null, EXPECTED, null).wired());
    assertFalse(new NumberState("+15005550001", at(EXPECTED), null, null).wired());
    NumberState missing = new NumberState("+15005550001", null, EXPECTED, null);
    assertEquals(
        List.of(Field.VOICE_URL, Field.SMS_URL, Field.STATUS_CALLBACK),
        missing.differences().stream().map(Difference::field).toList());
  }

  @Test
  void theJsonOfANumberShowsEachFieldAndWhatIsRemembered() {
    NumberWebhooks old =
        new NumberWebhooks("https://old.example.com/voice", "GET", "", "POST", null, null);
    NumberState state =
        new NumberState(
            "+15005550001",
            at(EXPECTED),
            EXPECTED,
            new NumberState.Remembered(PN, old, Instant.parse("2026-11-27T10:15:30Z")));
    assertEquals(
        "{\"number\":\"+15005550001\",\"sid\":\""
            + PN
            + "\",\"found\":true,\"wired\":true,\"fields\":{"
            + "\"voice_url\":{\"current\":\"https://voice.example.com/twilio/inbound_call\","
            + "\"expected\":\"https://voice.example.com/twilio/inbound_call\",\"same\":true},"
            + "\"voice_method\":{\"current\":\"POST\",\"expected\":\"POST\",\"same\":true},"
            + "\"sms_url\":{\"current\":\"https://voice.example.com/twilio/inbound_sms\","
            + "\"expected\":\"https://voice.example.com/twilio/inbound_sms\",\"same\":true},"
            + "\"sms_method\":{\"current\":\"POST\",\"expected\":\"POST\",\"same\":true},"
            + "\"status_callback\":{\"current\":\"https://voice.example.com/twilio/call_status\","
            + "\"expected\":\"https://voice.example.com/twilio/call_status\",\"same\":true},"
            + "\"status_callback_method\":{\"current\":\"POST\",\"expected\":\"POST\","
            + "\"same\":true}},"
            + "\"remembered\":true,\"previous\":{\"sid\":\""
            + PN
            + "\",\"voice_url\":\"https://old.example.com/voice\",\"voice_method\":\"GET\","
            + "\"sms_url\":\"\",\"sms_method\":\"POST\",\"status_callback\":null,"
            + "\"status_callback_method\":null,\"wired_at\":\"2026-11-27T10:15:30Z\"}}",
        NumbersJson.number(state).toString());
  }

  @Test
  void theJsonOfANumberNotInTheAccount() {
    assertEquals(
        "{\"public_url\":\"https://voice.example.com\",\"numbers\":[{\"number\":\"+15005550003\","
            + "\"sid\":null,\"found\":false,\"wired\":false,\"fields\":{"
            + "\"voice_url\":{\"current\":null,"
            + "\"expected\":\"https://voice.example.com/twilio/inbound_call\",\"same\":false},"
            + "\"voice_method\":{\"current\":null,\"expected\":\"POST\",\"same\":false},"
            + "\"sms_url\":{\"current\":null,"
            + "\"expected\":\"https://voice.example.com/twilio/inbound_sms\",\"same\":false},"
            + "\"sms_method\":{\"current\":null,\"expected\":\"POST\",\"same\":false},"
            + "\"status_callback\":{\"current\":null,"
            + "\"expected\":\"https://voice.example.com/twilio/call_status\",\"same\":false},"
            + "\"status_callback_method\":{\"current\":null,\"expected\":\"POST\","
            + "\"same\":false}},\"remembered\":false}]}",
        NumbersJson.list(
                "https://voice.example.com",
                List.of(new NumberState("+15005550003", null, EXPECTED, null)))
            .toString());
  }

  @Test
  void theUpdateFormClearsMissingUrlsAndKeepsMissingMethods() {
    assertEquals(
        "{VoiceUrl=[https://old.example.com/voice], VoiceMethod=[GET], SmsUrl=[],"
            + " SmsMethod=[POST], StatusCallback=[]}",
        new NumberWebhooks("https://old.example.com/voice", "GET", "", "POST", null, null)
            .toForm()
            .asMap()
            .toString());
  }
}
