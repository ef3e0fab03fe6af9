package io.picolabs.twilio.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Twilio's requests to a server: form-encoded POST (or GET with the parameters in the query),
 * HTTP/1.1, signed with the auth token ({@code X-Twilio-Signature}) or a shared key (with {@code
 * X-Twilio-Webhooks-Signature-Settings}), each with an {@code I-Twilio-Idempotency-Token} of its
 * own, and given up after Twilio's 15 seconds.
 */
public final class Webhooks {
  private static final Duration TWILIO_WAITS = Duration.ofSeconds(15);

  private final HttpClient client;
  private final String authToken;
  private final SharedKey sharedKey;

  /** Requests signed with {@code authToken}; {@code null} sends them unsigned. */
  public Webhooks(String authToken) {
    this(authToken, null);
  }

  /** Requests signed with the shared key {@code key}, as Twilio signs them for a Webhook Rule. */
  public Webhooks(SharedKey key) {
    this(null, Objects.requireNonNull(key, "the shared key"));
  }

  private Webhooks(String authToken, SharedKey sharedKey) {
    this.authToken = authToken;
    this.sharedKey = sharedKey;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // Twilio speaks HTTP/1.1
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Opens a WebSocket to {@code url} ({@code wss://} or {@code ws://}) as Twilio does for {@code
   * <ConversationRelay>} and {@code <Stream>}: the upgrade signed over the URL with no parameters.
   */
  public java.net.http.WebSocket connect(URI url, java.net.http.WebSocket.Listener listener) {
    java.net.http.WebSocket.Builder builder =
        client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (sharedKey != null) {
      builder
          .header(Signature.SETTINGS_HEADER, sharedKey.settingsHeader())
          .header(Signature.HEADER, Signature.withKey(sharedKey, url.toString(), Map.of()));
    } else if (authToken != null) {
      builder.header(Signature.HEADER, Signature.of(authToken, url.toString(), Map.of()));
    }
    try {
      return builder.buildAsync(url, listener).get(TWILIO_WAITS.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Twilio could not connect to " + url + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Twilio could not connect to " + url + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to " + url, e);
    }
  }

  /** Sends {@code params} to {@code url} with {@code method} (GET or POST) and reads the answer. */
  public Exchange send(String method, URI url, Map<String, String> params) {
    boolean get = "GET".equalsIgnoreCase(method);
    String query = Form.encode(Form.of(params));
    String target = url.toString();
    if (get && !query.isEmpty()) {
      target += (url.getRawQuery() == null ? "?" : "&") + query;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(TWILIO_WAITS)
            .header("User-Agent", "TwilioProxy/1.1 (twilio-rules testkit)")
            .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString());
    Map<String, List<String>> signed = get ? Map.of() : Form.of(params);
    if (sharedKey != null) {
      request
          .header(Signature.SETTINGS_HEADER, sharedKey.settingsHeader())
          .header(Signature.HEADER, Signature.withKey(sharedKey, target, signed));
    } else if (authToken != null) {
      request.header(Signature.HEADER, Signature.of(authToken, target, signed));
    }
    if (get) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofString(query));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + target, e);
    }
    return new Exchange(
        get ? "GET" : "POST",
        target,
        new LinkedHashMap<>(params),
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }
}
