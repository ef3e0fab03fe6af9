package io.picolabs.twilio.rest;

import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR with no Twilio credentials at all (signature checks turned off, as a developer might): it
 * answers webhooks, and says what to configure when a rule sends.
 */
@ExtendWith(ArquillianExtension.class)
class NoCredentialsIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Wars.project("nocredentials.war")
        .addAsResource(
            new StringAsset(
                "twilio.webhook.validate-signature=false\nevents.token=" + EVENTS_TOKEN + "\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @Test
  void webhooksStillAnswerAndSendingNamesTheMissingKey() {
    assertTrue(
        postForm(base, "twilio/inbound_call", inboundCall("+911"))
            .body()
            .startsWith(XML + "<Response><Say>Hello The Man</Say>"));
    assertTrue(
        ServerLog.since(0)
            .contains(
                "twilio.webhook.validate-signature=false: webhooks are NOT checked against X-Twilio-Signature"));
    long logStart = ServerLog.length();
    String answer =
        event(
                base,
                "events/notification/status",
                "application/json",
                "{\"phone_number\":\"+18015552311\",\"from_number\":\"+18005551212\",\"message\":\"hi\"}")
            .body();
    assertEquals(
        "{\"domain\":\"notification\",\"type\":\"status\",\"fired\":[\"NotificationSms.sms\"],"
            + "\"failed\":[\"NotificationSms.sms\"],\"directives\":[]}",
        answer);
    String log = ServerLog.since(logStart);
    assertTrue(
        log.contains(
            "rule NotificationSms.sms failed on event notification status:"
                + " io.picolabs.twilio.rest.MissingCredentials: Twilio credentials missing:"
                + " set twilio.account-sid (environment variable TWILIO_ACCOUNT_SID)"),
        log);
  }
}
