package io.picolabs.twilio.testing;

import io.picolabs.twilio.security.TwilioSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Requests shaped like Twilio's, sent over HTTP/1.1 as Twilio sends them. */
public final class TwilioRequests {
  public static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  /** The auth token test deployments are configured with; requests are signed with it. */
  public static final String AUTH_TOKEN = "test-auth-token";

  /** The events token test deployments are configured with. */
  public static final String EVENTS_TOKEN = "test-events-token";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private TwilioRequests() {}

  /** MicroProfile Config lines that set the test tokens, for a deployment's properties file. */
  public static String tokens() {
    return "twilio.auth-token=" + AUTH_TOKEN + "\nevents.token=" + EVENTS_TOKEN + "\n";
  }

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

  /** The signature Twilio would send for a request to {@code uri} with form {@code params}. */
  public static String signature(URI uri, Map<String, String> params) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    params.forEach((name, value) -> multi.put(name, List.of(value)));
    return TwilioSignature.compute(AUTH_TOKEN, uri.toString(), multi);
  }

  /** A form POST signed as Twilio signs it. */
  public static HttpResponse<String> postForm(URL base, String path, Map<String, String> params) {
    return postForm(base, path, params, null);
  }

  /**
   * A form POST signed as Twilio signs it, with Twilio's {@code I-Twilio-Idempotency-Token} unless
   * {@code idempotencyToken} is null.
   */
  public static HttpResponse<String> postForm(
      URL base, String path, Map<String, String> params, String idempotencyToken) {
    URI uri = uri(base, path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature(uri, params));
    if (idempotencyToken != null) {
      request.header("I-Twilio-Idempotency-Token", idempotencyToken);
    }
    return send(
        request.POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8)));
  }

  /** A GET signed as Twilio signs it (the query is part of the signed URL). */
  public static HttpResponse<String> get(URL base, String pathAndQuery) {
    URI uri = uri(base, pathAndQuery);
    return send(
        HttpRequest.newBuilder(uri).header("X-Twilio-Signature", signature(uri, Map.of())).GET());
  }

  /** A request to the event channel, with the events token. */
  public static HttpResponse<String> event(URL base, String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + EVENTS_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /**
   * Raises the seed's {@code notification status} through the event channel: its rule texts {@code
   * message} from {@code from} to {@code to} (through the outbox).
   */
  public static HttpResponse<String> notification(
      URL base, String to, String from, String message) {
    String attrs =
        Json.createObjectBuilder()
            .add("phone_number", to)
            .add("from_number", from)
            .add("message", message)
            .build()
            .toString();
    return event(base, "events/notification/status", "application/json", attrs);
  }

  /**
   * {@code GET /entities/{entity}/vars} with the events token, as "status body" (e.g. {@code 200
   * {"favorite":"7"}}), for comparing in one assertion.
   */
  public static String entityVars(URL base, String entity) {
    HttpResponse<String> response =
        withToken(base, "entities/" + entity.replace("+", "%2B") + "/vars");
    return response.statusCode() + " " + response.body();
  }

  /**
   * Waits until no outbox entry on the server at {@code base} is pending, sending or to reconcile,
   * so that a test's fake Twilio sees only its own requests, not an earlier test's late send.
   */
  public static void awaitOutboxSettled(URL base) {
    eventually(
        30,
        "no outbox entry of an earlier test left unsettled at " + base,
        () ->
            unsettled(base, "messages").isEmpty() && unsettled(base, "calls").isEmpty()
                ? Optional.of(true)
                : Optional.empty());
  }

  private static List<JsonObject> unsettled(URL base, String kind) {
    HttpResponse<String> page = withToken(base, kind + "?size=500");
    if (page.statusCode() != 200) {
      throw new IllegalStateException("GET /" + kind + " answered " + page.statusCode());
    }
    return json(page.body()).getJsonArray(kind).getValuesAs(JsonObject.class).stream()
        .filter(
            entry -> List.of("pending", "sending", "reconcile").contains(entry.getString("state")))
        .toList();
  }

  /** A GET of {@code path} with the events token ({@code app/vars}, {@code messages} …). */
  public static HttpResponse<String> withToken(URL base, String path) {
    return send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Authorization", "Bearer " + EVENTS_TOKEN)
            .GET());
  }

  /**
   * Waits up to {@code seconds} for {@code probe} to give a value (something done in the
   * background, such as a send), failing with {@code what} if it never does.
   */
  public static <T> T eventually(int seconds, String what, Supplier<Optional<T>> probe) {
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - until > 0) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** The application variables, as a JSON object. */
  public static JsonObject appVars(URL base) {
    return json(withToken(base, "app/vars").body());
  }

  /** The outbox ids of an event channel answer ({@code "outbox": [...]}), none if it sent none. */
  public static List<String> outboxIds(String eventAnswer) {
    JsonObject answer = json(eventAnswer);
    return answer.containsKey("outbox")
        ? answer.getJsonArray("outbox").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList()
        : List.of();
  }

  public static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** A POST with no signature and no token, exactly as given. */
  public static HttpResponse<String> post(URL base, String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
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

  /**
   * {@code path} relative to the deployment's base URL (which ends in '/'), on loopback: the
   * container may report another of this machine's addresses, and tests only talk to loopback.
   */
  public static URI uri(URL base, String path) {
    String root = "http://127.0.0.1:" + base.getPort() + base.getPath();
    return URI.create(root + (path.startsWith("/") ? path.substring(1) : path));
  }
}
