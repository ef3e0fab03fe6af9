package io.picolabs.twilio.state;

import java.util.Comparator;

/** One variable: its scope, its owner in that scope (an entity, a CallSid) and its name. */
public record VarKey(Scope scope, String owner, String name) implements Comparable<VarKey> {
  /** Longest name and owner the database holds. */
  public static final int MAX_LENGTH = 200;

  private static final Comparator<VarKey> ORDER =
      Comparator.comparing(VarKey::scope).thenComparing(VarKey::owner).thenComparing(VarKey::name);

  public VarKey {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a variable needs a name");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "variable name "
              + name.substring(0, 20)
              + "… is "
              + name.length()
              + " characters long; at most "
              + MAX_LENGTH);
    }
    if (owner == null || owner.isEmpty() || owner.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "variable " + name + ": the " + scope.code() + " owner must be 1 to 200 characters");
    }
  }

  /** Keys in one fixed order, so that concurrent commits lock rows alike and never deadlock. */
  @Override
  public int compareTo(VarKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return scope.code() + ":" + name + (scope == Scope.APP ? "" : " of " + owner);
  }
}
