package io.picolabs.twilio.ops;

import io.picolabs.twilio.schema.Schema;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness, {@value #NAME}: DOWN when the database of the variables, the outbox and the webhook
 * answers cannot be reached. It runs {@code VALUES (1)} (valid on Derby and PostgreSQL, which
 * refuses {@code VALUES 1}) through the application's persistence unit, with a query timeout, and
 * waits at most {@link #TIMEOUT} for it (getting a connection from the pool can wait longer than
 * any query: the wait is bounded here). It is DOWN too while the schema is not at this release's
 * version ({@link Schema}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  /** The check's name in {@code /health/ready}. */
  public static final String NAME = "twilio-database";

  /** How long the check waits for the database. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  @PersistenceUnit(unitName = "twilio-rules")
  EntityManagerFactory factory;

  @Resource ManagedExecutorService executor;

  @Inject Schema schema;

  private final Probe<Object> probe = new Probe<>(this::query, TIMEOUT);

  private Object query() {
    try (EntityManager reader = factory.createEntityManager()) {
      return reader
          .createNativeQuery("VALUES (1)")
          .setHint("jakarta.persistence.query.timeout", (int) TIMEOUT.toMillis())
          .getSingleResult();
    }
  }

  @Override
  public HealthCheckResponse call() {
    Optional<String> schemaProblem = schema.problem();
    if (schemaProblem.isPresent()) {
      return down(schemaProblem.get());
    }
    try {
      probe.result(executor);
      return HealthCheckResponse.named(NAME).up().build();
    } catch (TimeoutException e) {
      return down("no answer from the database within " + TIMEOUT.toMillis() + " ms");
    } catch (ExecutionException e) {
      return down("database unreachable: " + Probe.reason(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    } catch (RuntimeException e) { // the executor refused (the application is stopping)
      return down("database not checked: " + Probe.reason(e));
    }
  }

  private static HealthCheckResponse down(String reason) {
    return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
  }
}
