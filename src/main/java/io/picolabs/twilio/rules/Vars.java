package io.picolabs.twilio.rules;

import java.lang.reflect.Type;
import java.util.Set;

/**
 * The variables of one owner in one scope, as a rule reads and writes them. Values are JSON-shaped:
 * strings, numbers, booleans, lists, maps (and records or beans JSON-B can map).
 *
 * <pre>{@code
 * int visits = ent.getOr("visits", 0);
 * ent.set("visits", visits + 1);
 * String favorite = ent.get("favorite", String.class); // null if never set
 * }</pre>
 *
 * <p>Writes take effect when the rule returns normally (a failing rule leaves none) and are seen at
 * once by the rule itself. A write to a variable the rule read lands only if no other event changed
 * it meanwhile; otherwise the rule runs again on the new value.
 */
public interface Vars {

  /** The value of {@code name} as a {@code type}, or {@code null} if it is not set. */
  <T> T get(String name, Class<T> type);

  /**
   * The value as a generic type, e.g. {@code new ArrayList<String>() {}.getClass()
   * .getGenericSuperclass()}; {@code null} if it is not set.
   */
  <T> T get(String name, Type type);

  /**
   * The value of {@code name}, of {@code fallback}'s type, or {@code fallback} if it is not set.
   */
  <T> T getOr(String name, T fallback);

  /** Whether {@code name} is set. */
  boolean has(String name);

  /** Sets {@code name} to {@code value} (not null; at most 65,536 bytes as JSON). */
  void set(String name, Object value);

  /** Removes {@code name}. */
  void remove(String name);

  /** The names of the variables set, in order. */
  Set<String> names();
}
