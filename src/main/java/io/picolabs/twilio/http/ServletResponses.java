package io.picolabs.twilio.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives each request to Twilio's webhooks a response that the webhook's deadline can answer from
 * another thread while the rules still run on the request's ({@link EarlyResponse}), kept in its
 * {@link Exchange}. Mapped to the webhooks' URLs only ({@link WebhookFilterSetup}): the host
 * application's own requests never pass here.
 */
public final class ServletResponses implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse answer
        && !"websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) { // a relay's, answered 101
      EarlyResponse early = new EarlyResponse(answer);
      Exchange.of(http).earlyResponse(early);
      chain.doFilter(request, early);
    } else {
      chain.doFilter(request, response);
    }
  }
}
