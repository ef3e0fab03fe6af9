package io.picolabs.twilio.testing;

import static io.picolabs.twilio.testing.TwilioRequests.form;
import static io.picolabs.twilio.testing.TwilioRequests.send;
import static io.picolabs.twilio.testing.TwilioRequests.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's page as a browser loads it on loopback: its login, its session cookie and the token
 * in the page. What acts under {@code /console/api} is accepted only as the page sends it (its
 * origin, session and token; see {@code console.ConsoleGuardIT}), so a test that drives the API
 * over plain HTTP loads the page first and posts through this.
 */
public record ConsolePage(URL base, String login, String cookie, String token) {

  /** Loads {@code /console} of the application at {@code base} as {@code admin}. */
  public static ConsolePage load(URL base, String password) {
    String login =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> loaded =
        send(HttpRequest.newBuilder(uri(base, "console")).header("Authorization", login).GET());
    assertEquals(200, loaded.statusCode(), loaded.body());
    Matcher token =
        Pattern.compile("<meta name=\"console-token\" content=\"([^\"]+)\">")
            .matcher(loaded.body());
    assertTrue(token.find(), loaded.body());
    String cookie =
        loaded.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.split(";", 2)[0])
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session: " + loaded.headers().map()));
    return new ConsolePage(base, login, cookie, token.group(1));
  }

  /** {@code POST /console/api/<path>} with {@code params}, as the page sends it. */
  public HttpResponse<String> post(String path, Map<String, String> params) {
    return post(path, params, login);
  }

  /** As {@link #post(String, Map)}, with {@code authorization} ({@code null}: none) instead. */
  public HttpResponse<String> post(String path, Map<String, String> params, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(base, "console/api/" + path))
            .header("Origin", "http://127.0.0.1:" + base.getPort())
            .header("Cookie", cookie)
            .header("X-Console-Token", token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }
}
