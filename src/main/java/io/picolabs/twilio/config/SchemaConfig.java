package io.picolabs.twilio.config;

import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * {@code twilio.schema.*}: whether the application brings the database's schema to its version at
 * start (it needs the right to create and alter tables), or only checks that someone did.
 */
public record SchemaConfig(boolean migrate) {

  public static final Setting<Boolean> MIGRATE =
      new Setting<>("twilio.schema.migrate", Boolean.class, true);

  public static final List<Setting<?>> SETTINGS = List.of(MIGRATE);

  public static SchemaConfig of(Config config) {
    return new SchemaConfig(MIGRATE.in(config));
  }
}
