package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.gathered;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hello Monkey keeps each caller's favorite number; the monkey's page and the variables endpoint
 * show it. The WAR as built, twice: with a console password, and without one.
 */
@ExtendWith(ArquillianExtension.class)
class MonkeyPageIT {
  private static final String PASSWORD = "monkey-secret";

  private static WebArchive war(String name, String config) {
    return Wars.project(name + ".war")
        .addAsResource(
            new StringAsset(tokens() + config), "META-INF/microprofile-config.properties");
  }

  @Deployment(name = "open", testable = false)
  static WebArchive open() {
    return war("console", "console.password=" + PASSWORD + "\n");
  }

  @Deployment(name = "closed", testable = false)
  static WebArchive closed() {
    return war("console-closed", "");
  }

  @ArquillianResource
  @OperateOnDeployment("open")
  URL base;

  @ArquillianResource
  @OperateOnDeployment("closed")
  URL closedBase;

  private HttpResponse<String> page(URL at, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(at, "monkey")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private String pick(String caller, String digit) {
    return postForm(base, "twilio/monkey_handle", gathered(caller, digit)).body();
  }

  private static String row(String number, String name, String favorite) {
    return "<tr><td>" + number + "</td><td>" + name + "</td><td>" + favorite + "</td><td>";
  }

  @Test
  void theFavoriteNumberIsKeptAndShownNewestFirst() {
    String stranger = "+1801" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    String digit = Integer.toString(ThreadLocalRandom.current().nextInt(10));
    // the answer is exactly what it was before the number was kept
    assertEquals(
        XML + "<Response><Say>Your favorite number is 7.</Say><Hangup/></Response>",
        pick(stranger, "7"));
    assertEquals("200 {\"favorite\":\"7\"}", entityVars(base, stranger));
    assertEquals(
        XML + "<Response><Say>Your favorite number is " + digit + ".</Say><Hangup/></Response>",
        pick("+8015552311", digit));
    assertEquals("200 {\"favorite\":\"" + digit + "\"}", entityVars(base, "+8015552311"));

    HttpResponse<String> page = page(base, basic("admin", PASSWORD));
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(
        "text/html;charset=UTF-8", page.headers().firstValue("Content-Type").orElseThrow());
    String html = page.body();
    int bigBird = html.indexOf(row("+8015552311", "Big Bird", digit));
    int monkey = html.indexOf(row(stranger, "Monkey", "7"));
    assertTrue(bigBird > 0, html);
    assertTrue(monkey > bigBird, "newest first: " + html);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
  }

  @Test
  void aCallerWhoTypesMarkupSeesItAsText() {
    String caller = "+1801" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    pick(caller, "<b>9</b>");
    String html = page(base, basic("admin", PASSWORD)).body();
    assertTrue(html.contains(row(caller, "Monkey", "&lt;b&gt;9&lt;/b&gt;")), html);
  }

  @Test
  void thePageWantsTheConsoleCredentials() {
    HttpResponse<String> anonymous = page(base, null);
    assertEquals(401, anonymous.statusCode());
    assertEquals(
        "Basic realm=\"console\", charset=\"UTF-8\"",
        anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals("credentials are required\n", anonymous.body());
    assertEquals(401, page(base, basic("admin", "wrong")).statusCode());
    assertEquals(401, page(base, basic("root", PASSWORD)).statusCode());
    assertEquals(401, page(base, "Bearer " + PASSWORD).statusCode());
  }

  @Test
  void withoutAPasswordThePageRefusesEveryoneAndSaysWhy() {
    long start = ServerLog.length();
    HttpResponse<String> refused = page(closedBase, basic("admin", ""));
    assertEquals(403, refused.statusCode());
    assertEquals("the console is closed\n", refused.body());
    assertEquals(403, page(closedBase, null).statusCode());
    assertTrue(
        ServerLog.since(start)
            .contains(
                "refusing the console pages (/monkey, /console): console.password"
                    + " (CONSOLE_PASSWORD) is not set"));
    // the webhooks of that deployment are not behind the console's login
    assertEquals(
        XML + "<Response><Say>Your favorite number is 3.</Say><Hangup/></Response>",
        postForm(closedBase, "twilio/monkey_handle", gathered("+911", "3")).body());
  }

  @Test
  void withTheLoginOpenButTheConsoleOffTheConsoleIsNotThere() {
    String admin = basic("admin", PASSWORD);
    for (String path : List.of("console", "console/console.js", "console/api/calls/CA1")) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(base, path)).header("Authorization", admin);
      assertEquals(404, send(request.GET()).statusCode(), "GET " + path);
    }
    HttpRequest.Builder call =
        HttpRequest.newBuilder(uri(base, "console/api/calls"))
            .header("Authorization", admin)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("from=%2B911"));
    assertEquals(404, send(call).statusCode(), "no call is placed");
    assertEquals(
        404,
        send(HttpRequest.newBuilder(uri(base, "fake-twilio/2010-04-01/Accounts/AC1/Messages.json"))
                .GET())
            .statusCode());
  }
}
