package io.picolabs.twilio.schema;

import io.picolabs.twilio.config.SchemaConfig;
import io.picolabs.twilio.event.ManagedScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema of {@code jdbc/twilioRules} to this release's version as the application
 * starts, before anything else of the library uses the database (the first observer of the start),
 * or, with {@code twilio.schema.migrate=false}, only checks that someone did. Until the schema is
 * current the database readiness check is DOWN with the reason; a database that cannot be reached
 * at start is tried again every {@link #RETRY} (the rest of the library retries its own work).
 */
@ApplicationScoped
public class Schema {
  static final Duration RETRY = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(Schema.class.getName());

  @Resource(lookup = "jdbc/twilioRules")
  DataSource data;

  @Inject SchemaConfig config;

  private volatile String problem = "the schema has not been checked yet";
  private volatile ScheduledFuture<?> retry;

  void start(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    if (!attempt()) {
      retry =
          ManagedScheduler.repeat(
              RETRY,
              LOG,
              "schema: the check failed",
              () -> {
                if (attempt() && retry != null) {
                  retry.cancel(false);
                }
              });
    }
  }

  @PreDestroy
  void stop() {
    if (retry != null) {
      retry.cancel(false);
    }
  }

  /** Why the schema is not current, or empty when it is. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** One migration (or check); true once the schema is current. */
  private synchronized boolean attempt() {
    String found;
    Exception failure = null;
    try {
      Migrations migrations = Migrations.of(data);
      if (config.migrate()) {
        String version = migrations.migrate();
        LOG.info(() -> "schema at version " + version + " (" + migrations.dialect() + ")");
        found = null;
      } else {
        found =
            migrations
                .check()
                .map(
                    wrong ->
                        wrong
                            + "; "
                            + SchemaConfig.MIGRATE.key()
                            + " is false: run the migrations with a user that may change the"
                            + " schema (docs/operating.md)")
                .orElse(null);
      }
    } catch (SQLException | RuntimeException e) {
      found = "the schema could not be brought to this release's version: " + e;
      failure = e;
    }
    if (found != null && !found.equals(problem)) { // each new problem once, not every retry
      LOG.log(Level.SEVERE, found, failure);
    }
    problem = found;
    return found == null;
  }
}
