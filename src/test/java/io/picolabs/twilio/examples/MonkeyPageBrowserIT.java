package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.gathered;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static io.picolabs.twilio.testing.TwilioRequests.tokens;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.Chromium;
import io.picolabs.twilio.testing.Wars;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The monkey's page in a real browser (headless Chromium through WebDriver): what a person who
 * logged in sees, and what one who did not sees. {@link MonkeyPageIT} checks the same page's bytes.
 */
@ExtendWith(ArquillianExtension.class)
class MonkeyPageBrowserIT {
  private static final String PASSWORD = "monkey-browser-secret";
  private static final String BIG_BIRD = "+8015552311";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Wars.project("monkey-browser.war")
        .addAsResource(
            new StringAsset(tokens() + "console.password=" + PASSWORD + "\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  /** The browser of the person who logged in, for the whole class. */
  private static Chromium admin;

  @BeforeAll
  static void browser() {
    if (Chromium.installed()) {
      admin = Chromium.start();
      admin.basicAuthorization("admin", PASSWORD);
    }
  }

  /** Without Chromium, each test is skipped (and counted so), with how to install it. */
  @BeforeEach
  void needsChromium() {
    Chromium.assumeInstalled();
  }

  @AfterAll
  static void quit() {
    if (admin != null) {
      admin.close();
    }
  }

  private static String newCaller() {
    return "+1801" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
  }

  /** A caller picks a number on the phone, as Twilio posts it. */
  private void pick(String caller, String digits) throws InterruptedException {
    HttpResponse<String> answer = postForm(base, "twilio/monkey_handle", gathered(caller, digits));
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(
        answer.body().startsWith(XML + "<Response><Say>Your favorite number is "), answer.body());
    // the page orders by the time of the write, in milliseconds: no two picks in the same one
    Thread.sleep(5);
  }

  /** The one row of {@code caller} in the table of favorites. */
  private static WebElement rowOf(WebDriver driver, String caller) {
    List<WebElement> rows =
        driver.findElements(
            By.xpath(
                "//table[@id='favorites']/tbody/tr[td[1][normalize-space()='" + caller + "']]"));
    assertEquals(1, rows.size(), "rows of " + caller + " in:\n" + table(driver));
    return rows.get(0);
  }

  /** The text of a row's cells, as shown. */
  private static List<String> cells(WebElement row) {
    List<String> cells = new ArrayList<>();
    row.findElements(By.tagName("td")).forEach(cell -> cells.add(cell.getText()));
    return cells;
  }

  private static String table(WebDriver driver) {
    List<WebElement> tables = driver.findElements(By.id("favorites"));
    return tables.isEmpty() ? driver.getPageSource() : tables.get(0).getText();
  }

  private static int position(WebElement row) {
    return Integer.parseInt(row.getDomProperty("rowIndex"));
  }

  @Test
  void theMonkeySeesWhoPickedWhatNewestFirst() throws InterruptedException {
    String first = newCaller();
    String second = newCaller();
    while (second.equals(first)) {
      second = newCaller();
    }
    String typist = newCaller();
    while (typist.equals(first) || typist.equals(second)) {
      typist = newCaller();
    }
    int digit = ThreadLocalRandom.current().nextInt(10);
    String firstDigit = Integer.toString(digit);
    String secondDigit =
        Integer.toString((digit + 1 + ThreadLocalRandom.current().nextInt(9)) % 10);
    String bigBirdDigit = Integer.toString(ThreadLocalRandom.current().nextInt(10));
    pick(first, firstDigit);
    pick(second, secondDigit);
    pick(BIG_BIRD, bigBirdDigit);
    pick(typist, "<b>9</b>");

    WebDriver driver = admin.driver();
    driver.get(uri(base, "monkey").toString());
    assertEquals(200, admin.status(), driver.getPageSource());
    assertEquals("The monkey's favorite numbers", driver.getTitle());
    assertEquals("Favorite numbers", driver.findElement(By.tagName("h1")).getText());
    assertEquals(
        List.of("Number", "Name", "Favorite", "Picked"),
        driver.findElements(By.cssSelector("#favorites thead th")).stream()
            .map(WebElement::getText)
            .toList());

    WebElement typistRow = rowOf(driver, typist);
    WebElement bigBirdRow = rowOf(driver, BIG_BIRD);
    WebElement secondRow = rowOf(driver, second);
    WebElement firstRow = rowOf(driver, first);
    assertEquals(List.of(first, "Monkey", firstDigit), cells(firstRow).subList(0, 3));
    assertEquals(List.of(second, "Monkey", secondDigit), cells(secondRow).subList(0, 3));
    assertEquals(List.of(BIG_BIRD, "Big Bird", bigBirdDigit), cells(bigBirdRow).subList(0, 3));
    // what the caller typed is shown as typed, never as markup
    assertEquals(List.of(typist, "Monkey", "<b>9</b>"), cells(typistRow).subList(0, 3));
    assertTrue(
        driver.findElements(By.cssSelector("#favorites b")).isEmpty(),
        "markup in the table: " + driver.getPageSource());
    for (WebElement row : List.of(firstRow, secondRow, bigBirdRow, typistRow)) {
      String pickedAt = cells(row).get(3);
      assertTrue(
          pickedAt.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"),
          "picked at " + pickedAt);
    }

    // newest first: the last pick heads the table (row 0 is the header)
    String order = table(driver);
    assertEquals(1, position(typistRow), order);
    assertEquals(2, position(bigBirdRow), order);
    assertEquals(3, position(secondRow), order);
    assertEquals(4, position(firstRow), order);
  }

  @Test
  void withoutTheConsoleCredentialsTheBrowserIsRefused() {
    try (Chromium anonymous = Chromium.start()) {
      WebDriver driver = anonymous.driver();
      driver.get(uri(base, "monkey").toString());
      // the browser is asked for a user and a password (a prompt headless Chromium does not
      // draw): nothing of the page shows
      assertEquals(401, anonymous.status(), driver.getPageSource());
      assertTrue(driver.findElements(By.id("favorites")).isEmpty(), driver.getPageSource());

      anonymous.basicAuthorization("admin", "wrong");
      driver.get(uri(base, "monkey").toString());
      assertEquals(401, anonymous.status(), driver.getPageSource());
      assertTrue(driver.findElements(By.id("favorites")).isEmpty(), driver.getPageSource());
    }
  }
}
