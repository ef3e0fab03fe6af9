package io.picolabs.twilio.console;

import static io.picolabs.twilio.testing.TwilioRequests.AUTH_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.EVENTS_TOKEN;
import static io.picolabs.twilio.testing.TwilioRequests.event;
import static io.picolabs.twilio.testing.TwilioRequests.eventually;
import static io.picolabs.twilio.testing.TwilioRequests.json;
import static io.picolabs.twilio.testing.TwilioRequests.outboxIds;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static io.picolabs.twilio.testing.TwilioRequests.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.Chromium;
import io.picolabs.twilio.testing.ConsolePage;
import io.picolabs.twilio.testing.Wars;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's offline phone in a real browser (headless Chromium through WebDriver): a person
 * calls Hello Monkey and presses a key, texts the SMS reply, and sees a message that a rule sent
 * through the fake REST API arrive with its statuses; one without credentials is refused. Also the
 * console's JSON API's refusals, over plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleBrowserIT {
  private static final String NAME = "console-browser";
  private static final String PASSWORD = "console-browser-secret";
  private static final String BIG_BIRD = "+8015552311";
  private static final String NOTIFIER = "+18005551212";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Deployment(testable = false)
  static WebArchive deployment() {
    String config =
        String.join(
            "\n",
            "twilio.auth-token=" + AUTH_TOKEN,
            "events.token=" + EVENTS_TOKEN,
            "console.password=" + PASSWORD,
            "twilio.console.enabled=true",
            "twilio.account-sid=AC00000000000000000000000000000021",
            "twilio.outbox.poll-ms=200",
            // the rules' messages go to the app's own fake REST API, and so to the console
            "twilio.api-url=http://localhost:"
                + System.getProperty("http.port", "9080")
                + "/"
                + NAME
                + "/fake-twilio",
            "");
    return Wars.project(NAME + ".war")
        .addClass(RingingRules.class)
        .addClass(io.picolabs.twilio.examples.RelayProbeRules.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  /** The browser of the person who logged in, for the whole class (started by the first test). */
  private static Chromium admin;

  @AfterAll
  static void quit() {
    if (admin != null) {
      admin.close();
    }
  }

  /** The logged-in browser on a fresh console page, or a skipped test without Chromium. */
  private WebDriver console() {
    if (admin == null) {
      admin = Chromium.start(); // skips the test when Chromium is not installed
      admin.basicAuthorization("admin", PASSWORD);
      admin.driver().manage().window().setSize(new Dimension(1280, 1400));
    }
    WebDriver driver = admin.driver();
    driver.get(uri(base, "console").toString());
    assertEquals(200, admin.status(), driver.getPageSource());
    assertEquals("Twilio rules: offline phone", driver.getTitle());
    return driver;
  }

  private static <T> T await(WebDriver driver, String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> what + "; the page shows:\n" + shown(driver))
        .until(condition);
  }

  /** The page's phone and thread as text, for failure messages. */
  private static String shown(WebDriver driver) {
    return (String)
        script(driver)
            .executeScript(
                "return ['status', 'transcript', 'steps', 'sms-thread', 'vars']"
                    + ".map(id => id + ': ' + document.getElementById(id).innerText).join('\\n');");
  }

  private static JavascriptExecutor script(WebDriver driver) {
    return (JavascriptExecutor) driver;
  }

  /** Waits for the call to end (or an error to show); the status line then. */
  private static String callEnded(WebDriver driver) {
    return await(
        driver,
        "the call ended",
        d -> {
          String status = text(d, "status");
          return status.startsWith("Call ended") || status.startsWith("Error") ? status : null;
        });
  }

  /** Places a call raising {@code event} and waits until it is in call (a session or a stream). */
  private static void callWith(WebDriver driver, String event) {
    driver.findElement(By.id("event")).clear();
    driver.findElement(By.id("event")).sendKeys(event);
    driver.findElement(By.id("call")).click();
    await(driver, "the call", d -> text(d, "status").startsWith("In call ") ? true : null);
  }

  private static String text(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** What the caller heard so far, one line per item of {@code #transcript}, read at once. */
  @SuppressWarnings("unchecked")
  private static List<String> transcript(WebDriver driver) {
    return (List<String>)
        script(driver)
            .executeScript(
                "return Array.from(document.querySelectorAll('#transcript > li'),"
                    + " li => li.textContent);");
  }

  /** The TwiML steps as shown, read at once. */
  @SuppressWarnings("unchecked")
  private static List<String> steps(WebDriver driver) {
    return (List<String>)
        script(driver)
            .executeScript(
                "return Array.from(document.querySelectorAll('#steps > pre.step'),"
                    + " pre => pre.textContent);");
  }

  /**
   * The thread as shown, read at once (the page redraws it every second): each item's class, its
   * own text and its status ("" without one).
   */
  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> thread(WebDriver driver) {
    return (List<Map<String, String>>)
        script(driver)
            .executeScript(
                "return Array.from(document.querySelectorAll('#sms-thread > li'), li => ({"
                    + " cls: li.className,"
                    + " text: li.firstChild ? li.firstChild.textContent : '',"
                    + " status: li.querySelector('span.status')"
                    + " ? li.querySelector('span.status').textContent : '' }));");
  }

  private static void assertScreenshot(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), "no screenshot at " + file.toAbsolutePath());
    assertTrue(Files.size(file) > 0, "an empty screenshot at " + file.toAbsolutePath());
  }

  @Test
  void bigBirdCallsHelloMonkeyAndPicksSeven() throws IOException {
    WebDriver driver = console();
    driver.findElement(By.id("from")).clear();
    driver.findElement(By.id("from")).sendKeys(BIG_BIRD);
    assertEquals("inbound_call", driver.findElement(By.id("event")).getDomProperty("value"));
    driver.findElement(By.id("call")).click();

    String calling =
        await(
            driver,
            "the call answered",
            d -> {
              String status = text(d, "status");
              return status.startsWith("In call ")
                      || status.startsWith("Call ended")
                      || status.startsWith("Error")
                  ? status
                  : null;
            });
    assertTrue(calling.startsWith("In call CA"), shown(driver));
    assertEquals(List.of("Hello Big Bird", "What is your favorite number?"), transcript(driver));
    assertEquals(1, steps(driver).size(), shown(driver));

    // the Gather listens for one key: the keypad shows, and one press sends it
    await(
        driver,
        "the keypad",
        d -> d.findElement(By.cssSelector("#keypad [data-digit='7']")).isDisplayed());
    assertEquals("Listening for keys", text(driver, "listening-what"));
    driver.findElement(By.cssSelector("#keypad [data-digit='7']")).click();

    String ended = callEnded(driver);
    assertTrue(ended.startsWith("Call ended (Hangup"), shown(driver));
    List<String> heard = transcript(driver);
    assertEquals("Your favorite number is 7.", heard.get(heard.size() - 1), heard.toString());
    assertEquals(
        List.of("Hello Big Bird", "What is your favorite number?", "Your favorite number is 7."),
        heard);
    List<String> steps = steps(driver);
    assertEquals(2, steps.size(), shown(driver));
    assertTrue(
        steps.get(0).startsWith("1. POST ") && steps.get(0).contains("/twilio/inbound_call → 200"),
        steps.get(0));
    assertTrue(steps.get(1).startsWith("2. POST "), steps.get(1));
    assertTrue(steps.get(1).contains("<Say>Your favorite number is 7.</Say>"), steps.get(1));
    assertTrue(
        driver.findElement(By.id("listening")).getDomProperty("hidden").equals("true"),
        "nothing to listen for after the call");
    assertTrue(driver.findElement(By.id("hangup")).getDomProperty("disabled").equals("true"));
    assertTrue(driver.findElement(By.id("call")).isEnabled(), "a new call can be placed");

    await(driver, "Big Bird's favorite", d -> text(d, "vars").contains("\"favorite\": \"7\""));

    assertScreenshot(admin.screenshot("console-hello-monkey"));
  }

  @Test
  void aPersonTalksWithTheMonkeyByVoiceThroughAConversationRelaySession() throws IOException {
    WebDriver driver = console();
    driver.findElement(By.id("from")).clear();
    driver.findElement(By.id("from")).sendKeys("+18015550142");
    callWith(driver, "monkey_voice");
    assertEquals(List.of("Hello! What is your favorite number?"), transcript(driver));
    assertEquals("In a conversation: listening for speech", text(driver, "listening-what"));

    driver.findElement(By.id("speech")).sendKeys("I think seven");
    driver.findElement(By.id("speak")).click();
    String ended = callEnded(driver);
    assertTrue(ended.startsWith("Call ended (Hangup"), shown(driver));
    assertEquals(
        List.of(
            "Hello! What is your favorite number?",
            "\uD83D\uDDE8 Your favorite number is 7.",
            "Goodbye!"),
        transcript(driver));
    await(driver, "the caller's favorite", d -> text(d, "vars").contains("\"favorite\": \"7\""));
    assertScreenshot(admin.screenshot("console-monkey-voice"));
  }

  @Test
  void aStreamedReplyShowsItsTokensAsTheyCome() {
    WebDriver driver = console();
    callWith(driver, "story_call");
    driver.findElement(By.id("speech")).sendKeys("Tell me 20 words");
    driver.findElement(By.id("speak")).click();
    // the rule streams a word each 100 ms: some of them show before the reply is whole
    String partial =
        await(
            driver,
            "tokens of the reply",
            d -> {
              String shown = text(d, "replying");
              return shown.startsWith("\uD83D\uDDE8 word1 word2") ? shown : null;
            });
    assertTrue(partial.endsWith(" …") && !partial.contains("word20"), partial);
    await(
        driver,
        "the whole reply",
        d -> transcript(d).contains("\uD83D\uDDE8 That was the story.") ? true : null);
    StringBuilder words = new StringBuilder("\uD83D\uDDE8 ");
    for (int i = 1; i < 20; i++) {
      words.append("word").append(i).append(' ');
    }
    assertEquals(
        List.of(words + "word20.", "\uD83D\uDDE8 That was the story."), transcript(driver));
    assertFalse(driver.findElement(By.id("replying")).isDisplayed(), "the live line is gone");
  }

  @Test
  void aKeyPressedInAMediaStreamReachesItAtOnce() {
    WebDriver driver = console();
    callWith(driver, "echo_call");
    assertEquals("In a media stream: keys reach it", text(driver, "listening-what"));
    driver.findElement(By.cssSelector("#keypad [data-digit='#']")).click();
    String ended = callEnded(driver);
    assertTrue(ended.startsWith("Call ended (the document ended"), shown(driver));
    assertEquals(List.of("The echo is over. Goodbye."), transcript(driver));
  }

  @Test
  void aTextIsAnsweredInTheThread() throws IOException {
    WebDriver driver = console();
    assertEquals(BIG_BIRD, driver.findElement(By.id("from")).getDomProperty("value"));
    driver.findElement(By.id("sms-text")).sendKeys("Where are you?");
    driver.findElement(By.id("sms-send")).click();

    List<Map<String, String>> exchange =
        await(
            driver,
            "the text and its answer in the thread",
            d -> {
              List<Map<String, String>> thread = thread(d);
              for (int i = 0; i + 1 < thread.size(); i++) {
                if (thread.get(i).get("text").equals("→ Where are you?")) {
                  return thread.subList(i, i + 2);
                }
              }
              return null;
            });
    assertEquals(
        List.of(
            Map.of("cls", "to-server", "text", "→ Where are you?", "status", ""),
            Map.of(
                "cls",
                "from-server",
                "text",
                "← Hello Big Bird, you said: Where are you?",
                "status",
                "")),
        exchange);
    assertEquals("", driver.findElement(By.id("sms-text")).getDomProperty("value"), "sent");
    assertScreenshot(admin.screenshot("console-sms"));
  }

  @Test
  void aMessageARuleSentThroughTheRestApiArrivesWithItsStatuses() throws IOException {
    WebDriver driver = console();
    String phone = driver.findElement(By.id("from")).getDomProperty("value");
    String message = "Your table is ready " + System.nanoTime();
    HttpResponse<String> raised =
        event(
            base,
            "events/notification/status",
            "application/json",
            "{\"phone_number\":\""
                + phone
                + "\",\"from_number\":\""
                + NOTIFIER
                + "\",\"message\":\""
                + message
                + "\"}");
    assertEquals(200, raised.statusCode(), raised.body());

    Map<String, String> delivered =
        await(
            driver,
            "the rule's message delivered in the thread",
            d ->
                thread(d).stream()
                    .filter(item -> item.get("text").equals("← " + message))
                    .filter(item -> item.get("status").endsWith(", delivered"))
                    .findFirst()
                    .orElse(null));
    assertEquals(
        Map.of(
            "cls",
            "from-server",
            "text",
            "← " + message,
            "status",
            "REST API from " + NOTIFIER + ", delivered"),
        delivered);
    assertEquals(
        1,
        thread(driver).stream().filter(item -> item.get("text").equals("← " + message)).count(),
        shown(driver));
    assertScreenshot(admin.screenshot("console-rest-message"));
  }

  @Test
  void withoutCredentialsTheConsoleIsRefused() {
    try (Chromium anonymous = Chromium.start()) {
      WebDriver driver = anonymous.driver();
      driver.get(uri(base, "console").toString());
      assertEquals(401, anonymous.status(), driver.getPageSource());
      assertTrue(driver.findElements(By.id("transcript")).isEmpty(), driver.getPageSource());

      anonymous.basicAuthorization("admin", "wrong");
      driver.get(uri(base, "console").toString());
      assertEquals(401, anonymous.status(), driver.getPageSource());
      assertTrue(driver.findElements(By.id("transcript")).isEmpty(), driver.getPageSource());
    }
  }

  // ---- the JSON API over plain HTTP (no browser needed) ----

  private ConsolePage page;

  /** The console's page, loaded once per test as the browser loads it. */
  private ConsolePage page() {
    if (page == null) {
      page = ConsolePage.load(base, PASSWORD);
    }
    return page;
  }

  private HttpResponse<String> api(String method, String path, Map<String, String> params) {
    return api(method, path, params, "admin:" + PASSWORD);
  }

  private HttpResponse<String> api(
      String method, String path, Map<String, String> params, String credentials) {
    String authorization =
        credentials == null
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    if (method.equals("POST")) {
      // as the console's page sends it: its origin, its session and its token (ConsoleGuardIT)
      return page().post(path, params, authorization);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(base, "console/api/" + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private static void assertPlain(int status, String body, HttpResponse<String> response) {
    assertEquals(status + " " + body, response.statusCode() + " " + response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        response.headers().map().toString());
  }

  @Test
  void theApiSaysWhatIsWrongInPlainWords() {
    assertPlain(404, "no call CAnope on this console", api("GET", "calls/CAnope", Map.of()));
    assertPlain(400, "from is required", api("POST", "calls", Map.of()));
    assertPlain(
        400,
        "an event type is 1 to 64 letters, digits, '_' or '-': inbound/call",
        api("POST", "calls", Map.of("from", BIG_BIRD, "event", "inbound/call")));

    HttpResponse<String> placed = api("POST", "calls", Map.of("from", BIG_BIRD));
    assertEquals(200, placed.statusCode(), placed.body());
    String sid = json(placed.body()).getString("sid");
    HttpResponse<String> hungUp = api("POST", "calls/" + sid + "/hangup", Map.of());
    assertEquals(200, hungUp.statusCode(), hungUp.body());
    assertTrue(json(hungUp.body()).getBoolean("ended"), hungUp.body());

    HttpResponse<String> pressed = api("POST", "calls/" + sid + "/press", Map.of("digits", "7"));
    assertEquals(409, pressed.statusCode(), pressed.body());
    assertTrue(pressed.body().startsWith("cannot press keys: the call has ended"), pressed.body());
  }

  @Test
  void theApiAndThePageWantTheConsoleLogin() {
    assertEquals(401, api("GET", "calls/CAnope", Map.of(), null).statusCode());
    assertEquals(401, api("POST", "calls", Map.of("from", BIG_BIRD), "admin:wrong").statusCode());
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri(base, "console")).GET());
    assertEquals(401, page.statusCode(), page.body());
    assertEquals(
        "Basic realm=\"console\", charset=\"UTF-8\"",
        page.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  @Test
  void aCallARulePlacesRingsTheConsoleAndIsFollowedToItsEnd() {
    String callee = "+1801" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    HttpResponse<String> raised =
        event(
            base,
            "events/console/ring",
            "application/json",
            "{\"to\":\"" + callee + "\",\"from\":\"" + NOTIFIER + "\"}");
    assertEquals(200, raised.statusCode(), raised.body());
    String outbox = outboxIds(raised.body()).get(0);
    JsonObject ringing =
        eventually(
            20,
            "the call ringing on the console",
            () ->
                json(
                        api(
                                "GET",
                                "texts?number=" + URLEncoder.encode(callee, StandardCharsets.UTF_8),
                                Map.of())
                            .body())
                    .getJsonArray("ringing")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .findFirst());
    assertEquals(NOTIFIER, ringing.getString("from"));

    HttpResponse<String> answered =
        api("POST", "incoming/" + ringing.getString("sid") + "/answer", Map.of());
    assertEquals(200, answered.statusCode(), answered.body());
    JsonObject call = json(answered.body());
    assertEquals("outbound-api", call.getString("direction"));
    assertEquals(ringing.getString("sid"), call.getString("sid"));
    assertEquals(
        List.of("Hello Monkey", "What is your favorite number?"),
        call.getJsonArray("heard").getValuesAs(JsonObject.class).stream()
            .map(h -> h.getString("text"))
            .toList());
    JsonObject ended =
        json(
            api("POST", "calls/" + call.getString("sid") + "/press", Map.of("digits", "5")).body());
    assertTrue(ended.getBoolean("ended"));
    assertEquals(200, ended.getJsonObject("statusCallback").getInt("status"), ended.toString());
    assertTrue(
        ended
            .getJsonObject("statusCallback")
            .getString("url")
            .endsWith("/twilio/call_status?outbox=" + outbox),
        "the call's end went to the outbox's status callback");
    assertEquals(
        0,
        json(api(
                    "GET",
                    "texts?number=" + URLEncoder.encode(callee, StandardCharsets.UTF_8),
                    Map.of())
                .body())
            .getJsonArray("ringing")
            .size(),
        "an answered call rings no more");
    JsonObject logged =
        eventually(
            10,
            "the call completed in the outbound log",
            () ->
                json(withToken(base, "calls?size=50").body())
                    .getJsonArray("calls")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(c -> c.getString("id").equals(outbox))
                    .filter(c -> "completed".equals(c.getString("status", "")))
                    .findFirst());
    assertEquals(call.getString("sid"), logged.getString("sid"));
  }
}
