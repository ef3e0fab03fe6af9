package io.picolabs.twilio.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.examples.HelloMonkey;
import io.picolabs.twilio.examples.NotificationSms;
import io.picolabs.twilio.examples.SmsReply;
import io.picolabs.twilio.harness.sample.Broken;
import io.picolabs.twilio.harness.sample.Clock;
import io.picolabs.twilio.harness.sample.Reminders;
import jakarta.enterprise.inject.Vetoed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's example rules, and a few of the test's own, run through the harness as a rule
 * author would: exact TwiML, exact sends, exact variable writes.
 */
class RuleHarnessTest {
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  @Test
  void helloMonkeyGreetsBigBirdAsksForADigitAndKeepsIt() {
    try (RuleHarness rules = RuleHarness.of(HelloMonkey.class)) {
      RuleRun call = rules.raise("twilio", "inbound_call", Map.of("From", "+8015552311"));
      assertEquals(
          XML
              + "<Response><Say>Hello Big Bird</Say><Gather action=\"/twilio/monkey_handle\""
              + " numDigits=\"1\"><Say>What is your favorite number?</Say></Gather></Response>",
          call.twiml());
      assertEquals(List.of("HelloMonkey.answer"), call.fired());
      assertEquals(List.of(), call.failed());
      assertEquals(List.of(), call.sends());
      assertEquals(List.of(), call.writes());

      RuleRun picked =
          rules.raise("twilio", "monkey_handle", Map.of("From", "+8015552311", "Digits", "7"));
      assertEquals(
          XML + "<Response><Say>Your favorite number is 7.</Say><Hangup/></Response>",
          picked.twiml());
      assertEquals(List.of(), picked.sends());
      assertEquals(
          List.of(new VarWrite("ent", "+8015552311", "favorite", "\"7\"")), picked.writes());
      assertEquals(Map.of("favorite", "7"), picked.entityVars("+8015552311"));
      assertEquals(Map.of(), picked.entityVars("+911"));
      assertEquals(Map.of(), picked.appVars());

      // the variables outlive the event; the next run reports only its own writes
      assertEquals(Map.of("favorite", "7"), rules.entityVars("+8015552311"));
      RuleRun again =
          rules.raise("twilio", "monkey_handle", Map.of("From", "+8015552311", "Digits", "3"));
      assertEquals(
          List.of(new VarWrite("ent", "+8015552311", "favorite", "\"3\"")), again.writes());
      assertEquals(Map.of("favorite", "3"), rules.entityVars("+8015552311"));
    }
  }

  @Test
  void theReadmesExample() {
    try (RuleHarness rules = RuleHarness.of(HelloMonkey.class, NotificationSms.class)) {
      RuleRun call = rules.raise("twilio", "inbound_call", Map.of("From", "+8015552311"));
      assertEquals(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello Big Bird</Say>"
              + "<Gather action=\"/twilio/monkey_handle\" numDigits=\"1\"><Say>What is your favorite number?"
              + "</Say></Gather></Response>",
          call.twiml());
      RuleRun picked =
          rules.raise("twilio", "monkey_handle", Map.of("From", "+8015552311", "Digits", "7"));
      assertEquals(Map.of("favorite", "7"), picked.entityVars("+8015552311"));
      RuleRun status =
          rules.raise(
              "notification",
              "status",
              Map.of(
                  "phone_number",
                  "+18015552311",
                  "from_number",
                  "+18005551212",
                  "message",
                  "Your table is ready"));
      assertEquals(
          List.of(Send.sms("+18015552311", "+18005551212", "Your table is ready")), status.sends());
    }
  }

  @Test
  void smsReplyAnswersEachSenderByName() {
    try (RuleHarness rules = RuleHarness.of(SmsReply.class)) {
      assertEquals(
          XML + "<Response><Message>Hello Big Bird, you said: Where are you?</Message></Response>",
          rules
              .raise(
                  "twilio", "inbound_sms", Map.of("From", "+8015552311", "Body", "Where are you?"))
              .twiml());
      RuleRun picture =
          rules.raise(
              "twilio",
              "inbound_sms",
              Map.of(
                  "From",
                  "+18015550100",
                  "Body",
                  "Look",
                  "NumMedia",
                  "1",
                  "MediaUrl0",
                  "https://example.com/monkey.jpg"));
      assertEquals(
          XML
              + "<Response><Message>Hello Monkey, you said: Look (and sent 1 media)</Message>"
              + "</Response>",
          picture.twiml());
      assertEquals(List.of(), picture.sends());
      assertEquals(List.of(), picture.writes());
    }
  }

  @Test
  void notificationSmsTextsThePhoneNumberFromTheFromNumber() {
    try (RuleHarness rules = RuleHarness.of(NotificationSms.class)) {
      RuleRun run =
          rules.raise(
              "notification",
              "status",
              Map.of(
                  "phone_number",
                  "+18015552311",
                  "from_number",
                  "+18005551212",
                  "message",
                  "Your table is ready"));
      assertEquals(XML + "<Response/>", run.twiml());
      assertEquals(List.of("NotificationSms.sms"), run.fired());
      assertEquals(
          List.of(Send.sms("+18015552311", "+18005551212", "Your table is ready")), run.sends());
      assertEquals(
          new Send.Sms(
              "+18015552311",
              "+18005551212",
              null,
              "Your table is ready",
              List.of(),
              "sms_status",
              "default"),
          run.sends().get(0));
      assertEquals(List.of(), run.writes());
    }
  }

  @Test
  void withoutCredentialsTheSendFailsItsRuleAndNothingIsSent() {
    try (RuleHarness rules =
        RuleHarness.of(Map.of("twilio.account-sid", ""), NotificationSms.class)) {
      RuleRun run =
          rules.raise(
              "notification",
              "status",
              Map.of(
                  "phone_number", "+18015552311", "from_number", "+18005551212", "message", "Hi"));
      assertEquals(List.of("NotificationSms.sms"), run.failed());
      assertEquals(List.of(), run.sends());
    }
  }

  @Test
  void aRuleThatThrowsIsTakenBackAndTheOthersStillAnswer() {
    try (RuleHarness rules = RuleHarness.of(HelloMonkey.class, Broken.class)) {
      RuleRun run = rules.raise("twilio", "inbound_call", Map.of("From", "+911"));
      assertEquals(List.of("Broken.answer", "HelloMonkey.answer"), run.fired());
      assertEquals(List.of("Broken.answer"), run.failed());
      assertEquals(
          XML
              + "<Response><Say>Hello The Man</Say><Gather action=\"/twilio/monkey_handle\""
              + " numDigits=\"1\"><Say>What is your favorite number?</Say></Gather></Response>",
          run.twiml());
      assertEquals(List.of(), run.sends());
      assertEquals(List.of(), run.writes());
      assertEquals(Map.of(), rules.entityVars("+911"));
    }
  }

  @Test
  void sendsReadAsTheRuleWroteThemAndVariablesAsPlainValues() {
    Map<String, String> clinic =
        Map.of(
            "twilio.accounts.clinic.account-sid", "AC00000000000000000000000000000002",
            "twilio.accounts.clinic.auth-token", "clinic-token");
    try (RuleHarness rules = RuleHarness.of(clinic, Reminders.class, Clock.class)) {
      rules.presetAppVar("reminders", 41);
      RuleRun due =
          rules.raise(
              "reminder",
              "due",
              Map.of("to", "+18015552311", "id", "12", "entity", "+18015552311"));
      assertEquals(List.of("Reminders.remind"), due.fired());
      assertEquals(List.of(), due.failed());
      assertEquals(XML + "<Response><Say>logged</Say></Response>", due.twiml());
      assertEquals(
          List.of(
              Send.call("+18015552311", "+18005551212", "reminder_call?id=12")
                  .statusCallback("reminder_status")
                  .statusCallbackEvent("answered", "completed")
                  .timeout(20)
                  .account("clinic"),
              Send.sms("+18015552311", "+18005551212", "Your appointment is at 9:30")
                  .media("https://example.com/map.png")
                  .statusCallback("https://elsewhere.example.com/status")),
          due.sends());
      assertEquals(
          Map.of("reminded", List.of(Map.of("id", 12, "at", 9.5))), due.entityVars("+18015552311"));
      assertEquals(Map.of("reminders", 42), due.appVars());
      assertEquals(Map.of("reminders", 42), rules.appVars());

      RuleRun answered =
          rules.raise(
              "twilio",
              "reminder_call",
              Map.of(
                  "id", "12",
                  "CallSid", "CA00000000000000000000000000000012",
                  "To", "+18015552311",
                  "Direction", "outbound-api"));
      assertEquals(
          XML + "<Response><Say>This is your reminder 12</Say></Response>", answered.twiml());
      assertEquals(Map.of("heard", true), answered.callVars("CA00000000000000000000000000000012"));
      Map<String, Object> removed = new HashMap<>();
      removed.put("reminded", null);
      assertEquals(removed, answered.entityVars("+18015552311"));
      assertEquals(Map.of(), rules.entityVars("+18015552311"));
      assertEquals(Map.of("heard", true), rules.callVars("CA00000000000000000000000000000012"));

      // the call's status callback says it ended: its variables go, as on the server
      rules.raise(
          "twilio",
          "call_status",
          Map.of("CallSid", "CA00000000000000000000000000000012", "CallStatus", "completed"));
      assertEquals(Map.of(), rules.callVars("CA00000000000000000000000000000012"));
    }
  }

  @Test
  void theHarnessIsNeverABeanAndRefusesClassesThatCannotBe() {
    assertTrue(RuleHarness.class.getPackage().isAnnotationPresent(Vetoed.class));
    IllegalArgumentException vetoed =
        assertThrows(IllegalArgumentException.class, () -> RuleHarness.of(Vetoed_.class));
    assertEquals(
        Vetoed_.class.getName()
            + " is @Vetoed (or its package is): it would be no bean, and its rules would never"
            + " run",
        vetoed.getMessage());
  }

  /** A class the container would leave out (its package, the harness's, is vetoed). */
  static class Vetoed_ {}
}
