package io.picolabs.twilio.console;

import io.picolabs.twilio.testkit.FakeTwilio;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The development fake of Twilio's REST API at {@code /fake-twilio}: set {@code
 * twilio.api-url=http://localhost:9080/fake-twilio} and the rules' messages and calls reach the
 * console. Only when the console is on; Twilio's own credentials (HTTP Basic, account SID and auth
 * token) guard it, not the console login, since the server's REST client calls it.
 */
@WebServlet("/fake-twilio/*")
public class FakeApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient ConsoleSwitch console;
  @Inject transient DevTwilio twilio;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!console.enabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    FakeTwilio.Answer answer =
        twilio
            .api()
            .handle(
                request.getMethod(),
                request.getPathInfo(),
                request.getQueryString(),
                request.getHeader("Authorization"),
                body);
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    answer.headers().forEach(response::setHeader);
    response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
  }
}
