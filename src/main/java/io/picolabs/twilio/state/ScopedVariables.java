package io.picolabs.twilio.state;

import io.picolabs.twilio.rules.Vars;
import java.lang.reflect.Type;
import java.util.Set;

/** {@link Vars} over the request's pending writes, for one scope and owner. */
public abstract class ScopedVariables implements Vars {
  // the request's pending writes, through which every read and write goes
  private VariableWrites writes;

  /** For the container's proxies. */
  protected ScopedVariables() {}

  protected ScopedVariables(VariableWrites writes) {
    this.writes = writes;
  }

  /** The scope these variables are in. */
  protected abstract Scope scope();

  /** Whose variables these are in the scope: an entity, a CallSid. */
  protected abstract String owner();

  /** The request's pending writes, shared by every scope. */
  protected VariableWrites writes() {
    return writes;
  }

  private VarKey key(String name) {
    return new VarKey(scope(), owner(), name);
  }

  /** The value of {@code name} as a {@code type}, or {@code null} if it is not set. */
  public <T> T get(String name, Class<T> type) {
    return get(name, (Type) type);
  }

  /**
   * The value as a generic type, e.g. {@code new ArrayList<String>() {}.getClass()
   * .getGenericSuperclass()}; {@code null} if it is not set.
   */
  public <T> T get(String name, Type type) {
    VarKey key = key(name);
    String json = writes().read(key);
    return json == null ? null : JsonValues.read(key, json, type);
  }

  /**
   * The value of {@code name}, of {@code fallback}'s type, or {@code fallback} if it is not set.
   */
  @SuppressWarnings("unchecked")
  public <T> T getOr(String name, T fallback) {
    if (fallback == null) {
      throw new IllegalArgumentException(
          "variable " + name + ": getOr needs a fallback that is not null; use get");
    }
    T value = (T) get(name, fallback.getClass());
    return value == null ? fallback : value;
  }

  /** Whether {@code name} is set. */
  public boolean has(String name) {
    return writes().read(key(name)) != null;
  }

  /**
   * Sets {@code name} to {@code value} (not null; at most {@value JsonValues#MAX_BYTES} bytes as
   * JSON).
   */
  public void set(String name, Object value) {
    VarKey key = key(name);
    writes().write(key, JsonValues.write(key, value));
  }

  /** Removes {@code name}. */
  public void remove(String name) {
    writes().write(key(name), null);
  }

  /** The names of the variables set, in order. */
  public Set<String> names() {
    return writes().names(scope(), owner());
  }

  /** Variables of a fixed owner. */
  static final class Of extends ScopedVariables {
    private final Scope scope;
    private final String owner;

    Of(Scope scope, String owner, VariableWrites writes) {
      super(writes);
      this.scope = scope;
      this.owner = owner;
    }

    @Override
    protected Scope scope() {
      return scope;
    }

    @Override
    protected String owner() {
      return owner;
    }
  }
}
