package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.inboundCall;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.Wars;
import io.picolabs.twilio.testkit.PhoneCall;
import io.picolabs.twilio.testkit.TwilioPhone;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's first ruleset on its own: the library, the rule, and a beans.xml that selects it. */
@ExtendWith(ArquillianExtension.class)
class HelloMonkeyGreetingIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "greeting.war")
        .addAsLibraries(Wars.library())
        .addClass(RootApplication.class)
        .addClasses(HelloMonkeyGreeting.class, CallerDirectory.class)
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"annotated\"><alternatives><class>"
                    + HelloMonkeyGreeting.class.getName()
                    + "</class></alternatives></beans>"),
            "beans.xml")
        .addAsResource(new StringAsset(tokens()), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @Test
  void greetsTheCallerAndHangsUp() {
    assertEquals(
        XML + "<Response><Say>Hello Big Bird</Say><Hangup/></Response>",
        postForm(base, "twilio/inbound_call", inboundCall("+8015552311")).body());
    assertEquals(
        XML + "<Response><Say>Hello Monkey</Say><Hangup/></Response>",
        postForm(base, "twilio/inbound_call", inboundCall("+18019919911")).body());
  }

  @ParameterizedTest
  @CsvSource({"+911, The Man", "+8015552311, Big Bird", "+8029875634, Scam Artist", "+1, Monkey"})
  void aConversationWithEachCaller(String from, String name) {
    try (PhoneCall call =
        TwilioPhone.at(base).authToken(AUTH_TOKEN).from(from).call("/twilio/inbound_call")) {
      call.hears("Hello " + name).hangsUp();
      assertEquals("Hangup", call.simulator().endedBecause());
    }
  }
}
