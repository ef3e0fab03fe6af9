package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.gathered;
import static io.picolabs.twilio.testing.TwilioRequests.get;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testing.Wars;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WAR as built, with the seed's Hello Monkey ruleset, driven the way Twilio drives it. */
@ExtendWith(ArquillianExtension.class)
class HelloMonkeyIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Wars.project("monkey.war")
        .addAsResource(new StringAsset(tokens()), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private static String greeting(String name) {
    return XML
        + "<Response><Say>Hello "
        + name
        + "</Say>"
        + "<Gather action=\"/monkey/twilio/monkey_handle\" numDigits=\"1\">"
        + "<Say>What is your favorite number?</Say></Gather></Response>";
  }

  @ParameterizedTest
  @CsvSource({
    "+911, The Man",
    "+8015552311, Big Bird",
    "+8029875634, Scam Artist",
    "+18019919911, Monkey",
    "anonymous, Monkey"
  })
  void answersEachCallerByName(String from, String name) {
    HttpResponse<String> response = postForm(base, "twilio/inbound_call", inboundCall(from));
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/xml;charset=UTF-8",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(greeting(name), response.body());
  }

  @Test
  void saysTheFavoriteNumberBackAndHangsUp() {
    HttpResponse<String> response = postForm(base, "twilio/monkey_handle", gathered("+911", "7"));
    assertEquals(200, response.statusCode());
    assertEquals(
        XML + "<Response><Say>Your favorite number is 7.</Say><Hangup/></Response>",
        response.body());
  }

  @Test
  void answersAnEmptyResponseToATypeNoRuleSelects() {
    HttpResponse<String> response = postForm(base, "twilio/call_status", inboundCall("+911"));
    assertEquals(200, response.statusCode());
    assertEquals(XML + "<Response/>", response.body());
  }

  @Test
  void numbersSetToGetWork() {
    HttpResponse<String> response = get(base, "twilio/inbound_call?" + form(inboundCall("+911")));
    assertEquals(200, response.statusCode());
    assertEquals(greeting("The Man"), response.body());
  }

  @Test
  void theEventChannelAnswersTheDirectivesAsJson() {
    HttpResponse<String> response =
        event(base, "events/twilio/monkey_handle", "application/json", "{\"Digits\": 42}");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "{\"domain\":\"twilio\",\"type\":\"monkey_handle\",\"fired\":[\"HelloMonkey.picked\"],"
            + "\"failed\":[],\"directives\":[{\"name\":\"Say\",\"text\":\"Your favorite number is 42.\"},"
            + "{\"name\":\"Hangup\"}]}",
        response.body());
  }

  @Test
  void concurrentCallsAreAnsweredIndependently() throws Exception {
    String[][] callers = {
      {"+911", "The Man"},
      {"+8015552311", "Big Bird"},
      {"+8029875634", "Scam Artist"},
      {"+1", "Monkey"}
    };
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String from = callers[i % callers.length][0];
        answers.add(
            pool.submit(() -> postForm(base, "twilio/inbound_call", inboundCall(from)).body()));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(greeting(callers[i % callers.length][1]), answers.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
