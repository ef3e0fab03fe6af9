package io.picolabs.twilio.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The REST client's pieces that need no server: errors, backoff, forms, accounts. */
class RestPiecesTest {

  @Test
  void twilioErrorJsonBecomesATypedError() {
    TwilioError error =
        TwilioErrors.parse(
            400,
            "{\"code\":21211,\"message\":\"The 'To' number 123 is not a valid phone number.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}",
            null);
    assertEquals(21211, error.code());
    assertEquals("The 'To' number 123 is not a valid phone number.", error.twilioMessage());
    assertEquals("https://www.twilio.com/docs/errors/21211", error.moreInfo());
    assertEquals(400, error.status());
    assertFalse(error.isRetryable());
    assertEquals(
        "Twilio error 21211 (HTTP 400): The 'To' number 123 is not a valid phone number."
            + " https://www.twilio.com/docs/errors/21211",
        error.getMessage());
  }

  @Test
  void anErrorWithoutJsonStillTellsTheStatus() {
    TwilioError error = TwilioErrors.parse(429, "<html>slow down</html>", Duration.ofSeconds(2));
    assertEquals(0, error.code());
    assertEquals("Too Many Requests", error.twilioMessage());
    assertTrue(error.isRetryable());
    assertEquals(Duration.ofSeconds(2), error.retryAfter());
    assertEquals(Duration.ofSeconds(3), TwilioErrors.retryAfter(" 3 "));
    assertNull(TwilioErrors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertNull(TwilioErrors.retryAfter(null));
  }

  @Test
  void backoffDoublesUpToTheMaximumAndHonoursRetryAfter() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500));
    assertEquals(Duration.ofMillis(100), policy.delayAfter(1, null));
    assertEquals(Duration.ofMillis(200), policy.delayAfter(2, null));
    assertEquals(Duration.ofMillis(400), policy.delayAfter(3, null));
    assertEquals(Duration.ofMillis(500), policy.delayAfter(4, null));
    assertEquals(Duration.ofMillis(500), policy.delayAfter(64, null));
    assertEquals(Duration.ofMillis(250), policy.delayAfter(1, Duration.ofMillis(250)));
    assertEquals(Duration.ofMillis(500), policy.delayAfter(1, Duration.ofSeconds(30)));
    // a Retry-After shorter than the backoff does not shorten it
    assertEquals(Duration.ofMillis(100), policy.delayAfter(1, Duration.ZERO));
    assertEquals(Duration.ofMillis(400), policy.delayAfter(3, Duration.ofMillis(250)));
    assertThrows(
        IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
  }

  @Test
  void onlyFailuresBeforeSendingCountAsNeverSent() {
    assertTrue(
        TwilioRest.neverSent(new ProcessingException(new ConnectException("Connection refused"))));
    assertTrue(
        TwilioRest.neverSent(
            new ProcessingException(new SocketTimeoutException("Connect timed out"))));
    assertFalse(
        TwilioRest.neverSent(
            new ProcessingException(new SocketTimeoutException("Read timed out"))));
    assertFalse(TwilioRest.neverSent(new ProcessingException("broken pipe")));
  }

  @Test
  void smsFormCarriesEveryField() {
    OutgoingSms sms =
        new OutgoingSms("+1", null, "MG1", "hi", List.of("https://a", "https://b"), "https://cb");
    assertEquals(
        Map.of(
            "To", List.of("+1"),
            "MessagingServiceSid", List.of("MG1"),
            "Body", List.of("hi"),
            "MediaUrl", List.of("https://a", "https://b"),
            "StatusCallback", List.of("https://cb")),
        sms.toForm().asMap());
    assertEquals(
        Map.of("To", List.of("+1"), "From", List.of("+2"), "Body", List.of("x")),
        new OutgoingSms("+1", "+2", null, "x", List.of(), null).toForm().asMap());
  }

  @Test
  void smsRequestsAreCheckedBeforeSending() {
    assertThrows(
        NullPointerException.class, () -> new OutgoingSms(null, "+2", null, "x", List.of(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingSms("+1", null, null, "x", List.of(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingSms("+1", "+2", "MG", "x", List.of(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingSms("+1", "+2", null, null, List.of(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingSms("+1", "+2", null, "x", Collections.nCopies(11, "https://m"), null));
  }

  @Test
  void callFormCarriesEveryField() {
    OutgoingCall call =
        new OutgoingCall(
            "+1",
            "+2",
            "https://h/twilio/x",
            "https://cb",
            List.of("initiated", "completed"),
            "GET",
            20);
    assertEquals(
        Map.of(
            "To", List.of("+1"),
            "From", List.of("+2"),
            "Url", List.of("https://h/twilio/x"),
            "StatusCallback", List.of("https://cb"),
            "StatusCallbackEvent", List.of("initiated", "completed"),
            "StatusCallbackMethod", List.of("GET"),
            "Timeout", List.of("20")),
        call.toForm().asMap());
  }

  @Test
  void accountsComeFromConfigAndMissingKeysAreNamed() {
    Map<String, String> config =
        Map.of(
            "twilio.account-sid", "AC1",
            "twilio.auth-token", "t1",
            "twilio.accounts.alerts.account-sid", "AC2",
            "twilio.accounts.alerts.auth-token", "t2",
            "twilio.accounts.half.account-sid", "AC3",
            "twilio.accounts.blank.account-sid", "AC4",
            "twilio.accounts.blank.auth-token", " ");
    TwilioAccounts accounts = new TwilioAccounts(key -> Optional.ofNullable(config.get(key)));
    assertEquals(new Account("default", "AC1", "t1"), accounts.account(null));
    assertEquals(new Account("default", "AC1", "t1"), accounts.account("default"));
    assertEquals(new Account("alerts", "AC2", "t2"), accounts.account("alerts"));
    assertEquals("Account[alerts, AC2]", accounts.account("alerts").toString());
    assertEquals(
        "Twilio credentials missing: set twilio.accounts.half.auth-token"
            + " (environment variable TWILIO_ACCOUNTS_HALF_AUTH_TOKEN)",
        assertThrows(MissingCredentials.class, () -> accounts.account("half")).getMessage());
    assertThrows(MissingCredentials.class, () -> accounts.account("blank"));
    assertEquals(
        "Twilio credentials missing: set twilio.account-sid (environment variable TWILIO_ACCOUNT_SID)",
        assertThrows(
                MissingCredentials.class,
                () -> new TwilioAccounts(key -> Optional.empty()).account(null))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> accounts.account("../x"));
  }
}
