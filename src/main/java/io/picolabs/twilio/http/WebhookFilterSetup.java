package io.picolabs.twilio.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Maps {@link ServletResponses} to Twilio's webhooks, {@code <application path>/twilio/*}, for each
 * JAX-RS application of the WAR: its path is the servlet mapping of the servlet named after the
 * {@code Application} class (web.xml), else its {@code @ApplicationPath}; an application declared
 * in web.xml as {@code jakarta.ws.rs.core.Application} by its servlet mapping. A servlet filter
 * because what the deadline needs, the servlet response itself, reaches nothing else: JAX-RS gives
 * resources and filters a proxy of it bound to the request's thread.
 */
@HandlesTypes(Application.class)
public class WebhookFilterSetup implements ServletContainerInitializer {
  private static final Logger LOG = Logger.getLogger(WebhookFilterSetup.class.getName());
  static final String NAME = "twilio-webhook-responses";

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    Set<String> patterns = new TreeSet<>();
    if (classes != null) {
      for (Class<?> type : classes) {
        if (Application.class.isAssignableFrom(type)
            && !type.isInterface()
            && !Modifier.isAbstract(type.getModifiers())) {
          Collection<String> mapped = mappings(context, type.getName());
          if (!mapped.isEmpty()) {
            mapped.forEach(mapping -> patterns.add(webhooks(mapping)));
          } else if (type.isAnnotationPresent(ApplicationPath.class)) {
            patterns.add(webhooks(type.getAnnotation(ApplicationPath.class).value()));
          }
        }
      }
    }
    mappings(context, Application.class.getName()).forEach(m -> patterns.add(webhooks(m)));
    if (patterns.isEmpty()) {
      LOG.warning(
          "no JAX-RS application path found: a webhook whose rules pass the deadline will be"
              + " answered the fallback only when they return");
      return;
    }
    FilterRegistration.Dynamic filter = context.addFilter(NAME, new ServletResponses());
    if (filter == null) {
      return; // declared already (web.xml)
    }
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(
        EnumSet.of(DispatcherType.REQUEST), false, patterns.toArray(String[]::new));
  }

  private static Collection<String> mappings(ServletContext context, String servlet) {
    ServletRegistration registration = context.getServletRegistration(servlet);
    return registration == null ? Set.of() : registration.getMappings();
  }

  /**
   * The URL pattern of the webhooks under an application path or servlet mapping ({@code /api},
   * {@code api/}, {@code /api/*}, {@code /} or {@code /*}).
   */
  static String webhooks(String applicationPath) {
    String path = applicationPath.strip();
    if (path.endsWith("*")) {
      path = path.substring(0, path.length() - 1);
    }
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() ? "/twilio/*" : "/" + path + "/twilio/*";
  }
}
