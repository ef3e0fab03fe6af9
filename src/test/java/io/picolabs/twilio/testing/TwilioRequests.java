package io.picolabs.twilio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests shaped like Twilio's, sent over HTTP/1.1 as Twilio sends them. */
public final class TwilioRequests {
  public static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private TwilioRequests() {}

  /** The Call Event Parameters of the seed's table, plus what Twilio sends today, for a caller. */
  public static Map<String, String> inboundCall(String from) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    params.put("ApiVersion", "2010-04-01");
    params.put("CallSid", "CA0123456789abcdef0123456789abcdef");
    params.put("CallStatus", "ringing");
    params.put("Called", "+18019917544");
    params.put("CalledCity", "MIDVALE");
    params.put("CalledCountry", "US");
    params.put("CalledState", "UT");
    params.put("CalledZip", "84058");
    params.put("Caller", from);
    params.put("CallerCity", "OGDEN");
    params.put("CallerCountry", "US");
    params.put("CallerState", "UT");
    params.put("CallerZip", "84058");
    params.put("Direction", "inbound");
    params.put("From", from);
    params.put("FromCity", "OGDEN");
    params.put("FromCountry", "US");
    params.put("FromState", "UT");
    params.put("FromZip", "84754");
    params.put("To", "+18019917544");
    params.put("ToCity", "OGDEN");
    params.put("ToCountry", "US");
    params.put("ToState", "UT");
    params.put("ToZip", "84754");
    params.put("appid", "a1299x21");
    return params;
  }

  /** What Twilio posts to a Gather's action: the call's parameters plus {@code Digits}. */
  public static Map<String, String> gathered(String from, String digits) {
    Map<String, String> params = inboundCall(from);
    params.put("CallStatus", "in-progress");
    params.put("Digits", digits);
    params.put("FinishedOnKey", "");
    return params;
  }

  public static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  public static HttpResponse<String> postForm(URL base, String path, Map<String, String> params) {
    return post(base, path, "application/x-www-form-urlencoded", form(params));
  }

  public static HttpResponse<String> post(URL base, String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public static HttpResponse<String> get(URL base, String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(base, pathAndQuery)).GET());
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code path} relative to the deployment's base URL (which ends in '/'). */
  public static URI uri(URL base, String path) {
    return URI.create(base.toExternalForm() + (path.startsWith("/") ? path.substring(1) : path));
  }
}
