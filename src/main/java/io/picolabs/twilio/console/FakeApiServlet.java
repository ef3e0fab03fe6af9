package io.picolabs.twilio.console;

import io.picolabs.twilio.config.WebhookConfig;
import io.picolabs.twilio.http.BodyLimit;
import io.picolabs.twilio.testkit.FakeTwilio;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The development fake of Twilio's REST API at {@code /fake-twilio}: set {@code
 * twilio.api-url=http://localhost:9080/fake-twilio} and the rules' messages and calls reach the
 * console. Only when the console is on; Twilio's own credentials (HTTP Basic, account SID and auth
 * token) guard it, not the console login, since the server's REST client calls it.
 *
 * <p>Nothing of a body is read before the credentials are checked (the fake never holds a
 * stranger's body, however long it says it is), and a body over {@code
 * twilio.webhook.max-body-bytes} is refused with 413, as the webhooks' are ({@link BodyLimit}). A
 * browser's request that acts from a page of another site is refused with 403 ({@link
 * ConsoleGuard#notSameOrigin}): a browser that once logged in to look at the fake's lists keeps the
 * credentials, and the server's own client sends no {@code Origin}.
 */
@WebServlet("/fake-twilio/*")
public class FakeApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient ConsoleSwitch console;
  @Inject transient DevTwilio twilio;
  @Inject transient ConsoleGuard guard;
  @Inject transient WebhookConfig limits;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!console.enabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (ConsoleGuard.acts(request)) {
      Optional<String> foreign = guard.notSameOrigin(request, false);
      if (foreign.isPresent()) {
        plain(response, HttpServletResponse.SC_FORBIDDEN, foreign.get());
        return;
      }
    }
    FakeTwilio fake = twilio.api();
    Optional<FakeTwilio.Answer> refused = fake.refusal(request.getHeader("Authorization"));
    if (refused.isPresent()) {
      write(response, refused.get());
      return;
    }
    int limit = limits.maxBodyBytes();
    Optional<byte[]> body =
        BodyLimit.read(request.getInputStream(), request.getContentLengthLong(), limit);
    if (body.isEmpty()) {
      plain(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          BodyLimit.tooLargeMessage(limit));
      return;
    }
    write(
        response,
        fake.handle(
            request.getMethod(),
            request.getPathInfo(),
            request.getQueryString(),
            request.getHeader("Authorization"),
            new String(body.get(), StandardCharsets.UTF_8)));
  }

  private static void write(HttpServletResponse response, FakeTwilio.Answer answer)
      throws IOException {
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    answer.headers().forEach(response::setHeader);
    response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static void plain(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message + "\n");
  }
}
