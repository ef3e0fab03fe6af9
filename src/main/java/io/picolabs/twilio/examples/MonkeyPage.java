package io.picolabs.twilio.examples;

import io.picolabs.twilio.console.ConsoleLogin;
import io.picolabs.twilio.rules.EntityVars;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The seed's page "for the monkey to see": every caller who picked a favorite number, newest first,
 * with the caller's name from the directory. Plain HTML, behind HTTP Basic ({@link ConsoleLogin}).
 */
@WebServlet("/monkey")
@ServletSecurity(@HttpConstraint(rolesAllowed = ConsoleLogin.ROLE))
public class MonkeyPage extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(MonkeyPage.class.getName());

  /** Callers shown at most. */
  static final int LIMIT = 500;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject transient EntityVars ent;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<EntityVars.Latest<Object>> favorites;
    try {
      favorites = ent.newest(HelloMonkey.FAVORITE, Object.class, LIMIT);
    } catch (RuntimeException e) {
      // the server's error page would show the stack trace
      LOG.log(Level.SEVERE, "the monkey's page could not read the favorites: " + e, e);
      response.sendError(
          HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the favorites cannot be read now");
      return;
    }
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>The monkey's favorite numbers</title></head><body>\n"
                + "<h1>Favorite numbers</h1>\n");
    if (favorites.isEmpty()) {
      html.append("<p id=\"none\">Nobody has picked a number yet.</p>\n");
    } else {
      html.append(
          "<table id=\"favorites\"><thead><tr><th>Number</th><th>Name</th><th>Favorite</th>"
              + "<th>Picked</th></tr></thead><tbody>\n");
      for (EntityVars.Latest<Object> favorite : favorites) {
        html.append("<tr><td>")
            .append(escape(favorite.entity()))
            .append("</td><td>")
            .append(escape(CallerDirectory.nameOf(favorite.entity())))
            .append("</td><td>")
            .append(escape(String.valueOf(favorite.value())))
            .append("</td><td>")
            .append(WHEN.format(favorite.written()))
            .append("</td></tr>\n");
      }
      html.append("</tbody></table>\n");
    }
    html.append("</body></html>\n");
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(html.toString());
  }

  /** Text as HTML: what callers typed never becomes markup. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
