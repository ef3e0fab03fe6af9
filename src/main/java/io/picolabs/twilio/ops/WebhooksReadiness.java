package io.picolabs.twilio.ops;

import io.picolabs.twilio.webhook.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness, {@value #NAME}: DOWN when webhooks cannot be verified (signatures are checked and
 * neither an auth token nor a shared key is set, so Twilio's every request would get 403), as the
 * server itself decides it ({@link WebhookSettings#unverifiable()}).
 */
@Readiness
@ApplicationScoped
public class WebhooksReadiness implements HealthCheck {
  /** The check's name in {@code /health/ready}. */
  public static final String NAME = "twilio-webhooks";

  @Inject WebhookSettings settings;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .withData("signature-validation", settings.validateSignature());
    return settings
        .unverifiable()
        .map(reason -> response.down().withData("reason", reason))
        .orElseGet(response::up)
        .build();
  }
}
