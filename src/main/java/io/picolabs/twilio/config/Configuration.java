package io.picolabs.twilio.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the application's configuration once, at first use, and gives each holder to whoever
 * injects it. The holders are values (records): one per prefix, each key and default written once
 * in its {@link Setting}.
 */
@ApplicationScoped
public class Configuration {

  /** Every setting of every holder, for the configuration reference. */
  public static final List<Setting<?>> ALL =
      Stream.of(
              WebhookConfig.SETTINGS,
              EventsConfig.SETTINGS,
              RestConfig.SETTINGS,
              OutboxConfig.SETTINGS,
              StateConfig.SETTINGS,
              HealthConfig.SETTINGS,
              NumbersConfig.SETTINGS,
              ConsoleConfig.SETTINGS,
              SchemaConfig.SETTINGS)
          .flatMap(List::stream)
          .toList();

  @Inject Config config;

  private WebhookConfig webhook;
  private EventsConfig events;
  private RestConfig rest;
  private OutboxConfig outbox;
  private StateConfig state;
  private HealthConfig health;
  private NumbersConfig numbers;
  private ConsoleConfig console;
  private SchemaConfig schema;

  @PostConstruct
  void read() {
    webhook = WebhookConfig.of(config);
    events = EventsConfig.of(config);
    rest = RestConfig.of(config);
    outbox = OutboxConfig.of(config, rest);
    state = StateConfig.of(config);
    health = HealthConfig.of(config);
    numbers = NumbersConfig.of(config);
    console = ConsoleConfig.of(config);
    schema = SchemaConfig.of(config);
  }

  @Produces
  WebhookConfig webhook() {
    return webhook;
  }

  @Produces
  EventsConfig events() {
    return events;
  }

  @Produces
  RestConfig rest() {
    return rest;
  }

  @Produces
  OutboxConfig outbox() {
    return outbox;
  }

  @Produces
  StateConfig state() {
    return state;
  }

  @Produces
  HealthConfig health() {
    return health;
  }

  @Produces
  NumbersConfig numbers() {
    return numbers;
  }

  @Produces
  ConsoleConfig console() {
    return console;
  }

  @Produces
  SchemaConfig schema() {
    return schema;
  }
}
