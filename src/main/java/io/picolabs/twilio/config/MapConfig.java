package io.picolabs.twilio.config;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * MicroProfile Config over a map of settings, and nothing else: for the rule harness, which runs
 * without a server, and for tests of the holders of this package. As MicroProfile Config, an empty
 * value is no value; values convert to String, Long, Integer and Boolean.
 */
public final class MapConfig implements Config {
  private final Map<String, String> values;

  /** The settings {@code values}, by key. */
  public MapConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  @Override
  public <T> T getValue(String name, Class<T> type) {
    return getOptionalValue(name, type)
        .orElseThrow(() -> new NoSuchElementException("no setting " + name));
  }

  @Override
  public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
    String value = values.get(name);
    // as MicroProfile Config: an empty value is no value
    return value == null || value.isEmpty()
        ? Optional.empty()
        : Optional.of(convert(name, value, type));
  }

  @Override
  public ConfigValue getConfigValue(String name) {
    throw new UnsupportedOperationException("the settings: getConfigValue");
  }

  @Override
  public Iterable<String> getPropertyNames() {
    return Set.copyOf(values.keySet());
  }

  @Override
  public Iterable<ConfigSource> getConfigSources() {
    return List.of();
  }

  @Override
  public <T> Optional<Converter<T>> getConverter(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("the settings are no " + type.getName());
  }

  @SuppressWarnings("unchecked")
  private static <T> T convert(String name, String value, Class<T> type) {
    Object converted;
    if (type == String.class) {
      converted = value;
    } else if (type == Long.class || type == long.class) {
      converted = Long.valueOf(value.strip());
    } else if (type == Integer.class || type == int.class) {
      converted = Integer.valueOf(value.strip());
    } else if (type == Boolean.class || type == boolean.class) {
      converted = Boolean.valueOf(value.strip());
    } else if (type == Double.class || type == double.class) {
      converted = Double.valueOf(value.strip());
    } else {
      throw new IllegalArgumentException(
          "setting " + name + ": the harness converts to no " + type.getName());
    }
    return (T) converted;
  }
}
