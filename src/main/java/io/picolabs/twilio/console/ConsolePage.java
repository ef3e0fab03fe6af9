package io.picolabs.twilio.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The console's page, {@code /console}: plain HTML, CSS and JavaScript from the WAR's {@code
 * console/} resources, behind the console login, only when the console is on. The HTML carries the
 * session's token ({@link ConsoleGuard#token}) in {@code <meta name="console-token">}, where the
 * script reads it to send with every request that acts.
 */
@WebServlet({"/console", "/console/console.js", "/console/console.css"})
@ServletSecurity(@HttpConstraint(rolesAllowed = ConsoleLogin.ROLE))
public class ConsolePage extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** What index.html has where the token goes. */
  static final String TOKEN_PLACE = "@CONSOLE_TOKEN@";

  private static final String PAGE = "/console";
  private static final Map<String, String> FILES =
      Map.of(
          PAGE,
          "index.html;text/html",
          "/console/console.js",
          "console.js;text/javascript",
          "/console/console.css",
          "console.css;text/css");

  @Inject transient ConsoleSwitch console;
  @Inject transient ConsoleGuard guard;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String file = FILES.get(request.getServletPath());
    if (!console.enabled() || file == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String[] nameAndType = file.split(";");
    byte[] content;
    try (InputStream in =
        ConsolePage.class.getClassLoader().getResourceAsStream("console/" + nameAndType[0])) {
      if (in == null) {
        throw new IOException("console/" + nameAndType[0] + " is missing from the WAR");
      }
      content = in.readAllBytes();
    }
    if (request.getServletPath().equals(PAGE)) {
      String html = new String(content, StandardCharsets.UTF_8);
      if (!html.contains(TOKEN_PLACE)) {
        throw new IOException("console/index.html has no " + TOKEN_PLACE + " for the token");
      }
      // the token is Base64url: nothing in it needs escaping in an attribute
      content = html.replace(TOKEN_PLACE, guard.token(request)).getBytes(StandardCharsets.UTF_8);
    }
    response.setContentType(nameAndType[1] + ";charset=UTF-8");
    // the page holds the token: no cache may keep it
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(content);
  }
}
