package io.picolabs.twilio.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Metric tag values, kept few: each distinct value is a time series that Prometheus stores for
 * good. Event types come from URLs; only signed requests get theirs counted (the webhook says
 * {@code -} for the others), and even so at most a fixed number of distinct types are, the rest as
 * {@value #OTHER}, in case signatures are off and anyone can choose the URL.
 */
final class TagValues {
  /** The type of requests whose type was not trusted. */
  static final String UNTRUSTED = "-";

  /** The type of every event type past the limit; no event type can be spelled so. */
  static final String OTHER = "(other)";

  /** The error code of an outcome without one. */
  static final String NONE = "none";

  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final int maxTypes;
  private final Set<String> types = ConcurrentHashMap.newKeySet();

  /** At most {@code maxTypes} distinct event types. */
  TagValues(int maxTypes) {
    this.maxTypes = maxTypes;
  }

  /** {@code type} as a tag value: itself while there is room, else {@value #OTHER}. */
  String eventType(String type) {
    if (type == null || type.equals(UNTRUSTED)) {
      return UNTRUSTED;
    }
    if (!TYPE.matcher(type).matches()) {
      return OTHER;
    }
    if (types.contains(type)) {
      return type;
    }
    synchronized (types) {
      if (types.size() >= maxTypes) {
        return OTHER;
      }
      types.add(type);
      return type;
    }
  }

  /** Twilio's error code as a tag value, {@value #NONE} when there is none. */
  static String errorCode(Integer code) {
    return code == null ? NONE : Integer.toString(code);
  }
}
