package io.picolabs.twilio.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event: a domain, a type and attributes, immutable.
 *
 * <p>Attribute names are looked up ignoring case: Twilio sends {@code From} where the KRL examples
 * read {@code event:attr("from")}, and both must work. A name may carry several values (Twilio
 * repeats some parameters); {@link #attr} gives the first.
 */
public final class RuleEvent {
  private final String domain;
  private final String type;
  private final Map<String, List<String>> attrs;
  // made when a rule first looks a name up: many events are never asked (filled once, racy but
  // benign: every thread that builds it builds the same map)
  private volatile Map<String, List<String>> byFoldedName;

  public RuleEvent(String domain, String type, Map<String, List<String>> attrs) {
    this.domain = Objects.requireNonNull(domain, "domain");
    this.type = Objects.requireNonNull(type, "type");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    attrs.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.attrs = Collections.unmodifiableMap(copy);
  }

  private Map<String, List<String>> byFoldedName() {
    Map<String, List<String>> folded = byFoldedName;
    if (folded == null) {
      // a hash map on folded names: a TreeMap in String.CASE_INSENSITIVE_ORDER cost most of a
      // session message's event (built for each, compared character by character per look-up)
      Map<String, List<String>> made = new HashMap<>(attrs.size() * 2);
      attrs.forEach((name, values) -> made.putIfAbsent(fold(name), values));
      byFoldedName = folded = made;
    }
    return folded;
  }

  /**
   * {@code name} folded so that two names fold alike exactly when {@link
   * String#CASE_INSENSITIVE_ORDER} finds them equal: each character upper-cased, then lower-cased
   * (by code point, as that comparator compares; {@code name} itself when nothing changes).
   */
  static String fold(String name) {
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        break;
      }
      i++;
    }
    if (i == name.length()) {
      return name;
    }
    char[] chars = name.toCharArray();
    for (int j = i; j < chars.length; j++) {
      char c = chars[j];
      if (c >= 0x80) { // beyond ASCII: code point by code point, as the comparator
        StringBuilder folded = new StringBuilder(chars.length).append(chars, 0, j);
        name.codePoints()
            .skip(name.codePointCount(0, j))
            .forEach(p -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(p))));
        return folded.toString();
      }
      if (c >= 'A' && c <= 'Z') {
        chars[j] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  public static RuleEvent of(String domain, String type, Map<String, String> attrs) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    attrs.forEach((name, value) -> multi.put(name, List.of(value)));
    return new RuleEvent(domain, type, multi);
  }

  public String domain() {
    return domain;
  }

  public String type() {
    return type;
  }

  /**
   * The first value of attribute {@code name} (any case: the attribute named exactly so, else the
   * first whose name matches ignoring case), or {@code null} if there is none.
   */
  public String attr(String name) {
    List<String> values = named(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private List<String> named(String name) {
    List<String> exact = attrs.get(name); // the usual look-up, in Twilio's own spelling: no folding
    return exact != null ? exact : byFoldedName().get(fold(name));
  }

  /** The first value of attribute {@code name} (any case), or {@code fallback}. */
  public String attr(String name, String fallback) {
    String value = attr(name);
    return value == null ? fallback : value;
  }

  /** Every value of attribute {@code name} (any case, as {@link #attr}), in the order received. */
  public List<String> attrValues(String name) {
    List<String> values = named(name);
    return values == null ? List.of() : values;
  }

  /** All attributes under the names they were received with, in the order received. */
  public Map<String, List<String>> attrs() {
    return attrs;
  }

  @Override
  public String toString() {
    return domain + " " + type;
  }
}
