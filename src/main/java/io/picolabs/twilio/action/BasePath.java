package io.picolabs.twilio.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the library's resources are under the server's root: the context root and the path of the
 * JAX-RS application they joined ({@code /shop/api} for {@code @ApplicationPath("/api")} in a WAR
 * at {@code /shop}; {@code ""} for both at {@code /}), so that event-type targets and the numbers'
 * webhooks point where Twilio's requests will be answered.
 *
 * <p>The application's path is the mapping of its servlet, which the JAX-RS specification names
 * after the {@code Application} subclass (or which names that class in its {@code
 * jakarta.ws.rs.Application} init parameter); of several applications (the library's resources join
 * each), the first by name. The servlet API refuses to list servlets while the application is being
 * initialised (from CDI's start-up listener), so the path is read on first use after that, and
 * kept.
 */
@ApplicationScoped
public class BasePath {
  private static final String APPLICATION_PARAMETER = "jakarta.ws.rs.Application";

  private ServletContext context;
  private volatile String path;

  protected BasePath() {}

  @Inject
  BasePath(ServletContext context) {
    this.context = context;
  }

  /** The base path, e.g. {@code /shop/api}, or {@code ""}. */
  public String get() {
    String known = path;
    if (known != null) {
      return known;
    }
    try {
      known = context.getContextPath() + applicationPath(context);
    } catch (UnsupportedOperationException | IllegalStateException e) {
      // still initialising (a call from start-up code): the context root alone, read again later
      return context.getContextPath();
    }
    path = known;
    return known;
  }

  private static String applicationPath(ServletContext context) {
    ClassLoader loader = context.getClassLoader();
    Map<String, String> paths = new TreeMap<>();
    context
        .getServletRegistrations()
        .forEach(
            (name, servlet) -> {
              String application =
                  Optional.ofNullable(servlet.getInitParameter(APPLICATION_PARAMETER)).orElse(name);
              if (isApplication(application, loader) && !servlet.getMappings().isEmpty()) {
                paths.put(name, servlet.getMappings().iterator().next().replaceAll("/?\\*?$", ""));
              }
            });
    return paths.isEmpty() ? "" : paths.values().iterator().next();
  }

  private static boolean isApplication(String className, ClassLoader loader) {
    try {
      return Application.class.isAssignableFrom(Class.forName(className, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // a servlet's name, not a class
    }
  }
}
