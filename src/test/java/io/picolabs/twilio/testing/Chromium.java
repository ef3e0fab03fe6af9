package io.picolabs.twilio.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through WebDriver, for one test: Debian's {@code chromium} and {@code
 * chromium-driver} (no Selenium Manager download: the build may have no internet), with a fresh
 * profile that {@link #close} removes along with the browser.
 *
 * <p>When either binary is missing, {@link #start} skips the calling test through JUnit's {@link
 * Assumptions} and says how to install them.
 */
public final class Chromium implements AutoCloseable {
  /** Debian's Chromium, or the system property {@code chromium.binary}. */
  public static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");

  /** Debian's ChromeDriver, or the system property {@code chromium.driver}. */
  public static final String DRIVER =
      System.getProperty("chromium.driver", "/usr/bin/chromedriver");

  /** What {@link #start} says when there is no Chromium to drive. */
  public static final String HOW_TO_INSTALL =
      BROWSER
          + " or "
          + DRIVER
          + " not found: the browser tests are SKIPPED. Install them with"
          + " `sudo apt-get install chromium chromium-driver` (Debian; .ci/run does it)"
          + " or point -Dchromium.binary and -Dchromium.driver at a Chromium and its ChromeDriver.";

  private static final AtomicBoolean SAID_MISSING = new AtomicBoolean();

  private final Path profile;
  private final ChromeDriver driver;

  private Chromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Whether Debian's Chromium and its driver are installed. */
  public static boolean installed() {
    return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
  }

  /**
   * Skips the calling test (JUnit assumption) when Chromium is not installed, and says so loudly
   * (once) on stderr. Call it before each test, so that the report counts each one as skipped.
   */
  public static void assumeInstalled() {
    if (!installed() && !SAID_MISSING.getAndSet(true)) {
      System.err.println();
      System.err.println("*".repeat(100));
      System.err.println("* " + HOW_TO_INSTALL);
      System.err.println("*".repeat(100));
      System.err.println();
    }
    Assumptions.assumeTrue(installed(), HOW_TO_INSTALL);
  }

  /** A fresh headless browser, or a skipped test when Chromium is not installed. */
  public static Chromium start() {
    assumeInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("twilio-rules-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // as root (CI here) Chromium runs only without its sandbox
        "--disable-dev-shm-usage",
        "--disable-gpu",
        // no internet here: without these Chromium keeps trying Google's services
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      Directories.delete(profile);
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Chromium(profile, driver);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Sends {@code Authorization: Basic user:password} with every request from now on (a Chrome
   * DevTools command: WebDriver has no way to answer the Basic login prompt).
   */
  public void basicAuthorization(String user, String password) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of(
            "headers",
            Map.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))));
  }

  /** The HTTP status of the page the browser shows (Navigation Timing's {@code responseStatus}). */
  public long status() {
    return (Long)
        driver.executeScript(
            "return performance.getEntriesByType('navigation')[0].responseStatus;");
  }

  /** Where {@link #screenshot} writes: {@code target/screenshots} of the project. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * What the browser shows now, as {@code target/screenshots/<name>.png} (replaced if it exists),
   * for a person to look at after the build.
   *
   * @return the PNG file written
   */
  public Path screenshot(String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Quits the browser and removes its profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      Directories.delete(profile);
    }
  }
}
