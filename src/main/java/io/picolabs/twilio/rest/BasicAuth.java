package io.picolabs.twilio.rest;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Adds {@code Authorization: Basic base64(AccountSid:AuthToken)} to each request to Twilio. */
final class BasicAuth implements ClientRequestFilter {
  private final String header;

  BasicAuth(Account account) {
    String credentials = account.sid() + ":" + account.authToken();
    this.header =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
  }

  @Override
  public String toString() {
    return "BasicAuth[redacted]";
  }
}
