package io.picolabs.twilio.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns Twilio's error answers into exceptions: a 4xx into a {@link TwilioError} with Twilio's
 * code, message and documentation link; a 5xx into {@link OutcomeUnknown}, since Twilio may have
 * acted before failing to answer.
 */
final class TwilioErrors implements ResponseExceptionMapper<RuntimeException> {

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    if (status >= 500) {
      return new OutcomeUnknown("the request", "HTTP " + status + " from Twilio", null);
    }
    return parse(status, body, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
  }

  /** Reads Twilio's error JSON ({@code code}, {@code message}, {@code more_info}). */
  static TwilioError parse(int status, String body, Duration retryAfter) {
    JsonObject json = readObject(body);
    int code = json.get("code") instanceof JsonNumber number ? number.intValue() : 0;
    String message = json.getString("message", null);
    if (message == null) {
      message =
          Response.Status.fromStatusCode(status) != null
              ? Response.Status.fromStatusCode(status).getReasonPhrase()
              : "HTTP " + status;
    }
    return new TwilioError(code, message, json.getString("more_info", null), status, retryAfter);
  }

  private static JsonObject readObject(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.EMPTY_JSON_OBJECT; // a proxy's HTML page, say: the status still tells
    }
  }

  /** {@code Retry-After} in seconds; the HTTP-date form is rare enough to ignore. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
