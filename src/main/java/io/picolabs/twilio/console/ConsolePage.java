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
import java.util.Map;

/**
 * The console's page, {@code /console}: plain HTML, CSS and JavaScript from the WAR's {@code
 * console/} resources, behind the console login, only when the console is on.
 */
@WebServlet({"/console", "/console/console.js", "/console/console.css"})
@ServletSecurity(@HttpConstraint(rolesAllowed = ConsoleLogin.ROLE))
public class ConsolePage extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FILES =
      Map.of(
          "/console", "index.html;text/html",
          "/console/console.js", "console.js;text/javascript",
          "/console/console.css", "console.css;text/css");

  @Inject transient ConsoleSwitch console;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String file = FILES.get(request.getServletPath());
    if (!console.enabled() || file == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String[] nameAndType = file.split(";");
    try (InputStream in =
        ConsolePage.class.getClassLoader().getResourceAsStream("console/" + nameAndType[0])) {
      if (in == null) {
        throw new IOException("console/" + nameAndType[0] + " is missing from the WAR");
      }
      response.setContentType(nameAndType[1] + ";charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      in.transferTo(response.getOutputStream());
    }
  }
}
