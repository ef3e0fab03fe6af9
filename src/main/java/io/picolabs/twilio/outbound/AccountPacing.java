package io.picolabs.twilio.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The accounts Twilio asked this instance to slow down for: after a 429, no request of that account
 * goes out until its pause ({@code Retry-After} or the backoff, the longer) ends. Without it every
 * request already claimed for the account went out into the same limit and spent an attempt of its
 * own; with many requests in flight that is a whole wave of attempts per 429.
 *
 * <p>Per instance and in memory: another instance learns of the limit from its own first 429, and a
 * restart forgets it, which costs one more 429 at most.
 */
final class AccountPacing {
  /** The default account's name in {@link #paused()}: no account of the configuration has it. */
  static final String DEFAULT = "";

  private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  AccountPacing() {
    this(System::nanoTime);
  }

  AccountPacing(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /**
   * No request of {@code account} for {@code pause} from now (a longer pause already set stays).
   */
  void pause(String account, Duration pause) {
    if (pause.isZero() || pause.isNegative()) {
      return;
    }
    long until = nanos.getAsLong() + pause.toNanos();
    pausedUntil.merge(name(account), until, (old, proposed) -> old - proposed > 0 ? old : proposed);
  }

  /** How long {@code account} is still paused: zero if it is not. */
  Duration remaining(String account) {
    Long until = pausedUntil.get(name(account));
    if (until == null) {
      return Duration.ZERO;
    }
    long left = until - nanos.getAsLong();
    if (left <= 0) {
      pausedUntil.remove(name(account), until);
      return Duration.ZERO;
    }
    return Duration.ofNanos(left);
  }

  private static String name(String account) {
    return account == null ? DEFAULT : account;
  }

  /** The accounts paused now, the default one as {@value #DEFAULT}. */
  Set<String> paused() {
    if (pausedUntil.isEmpty()) {
      return Set.of();
    }
    return pausedUntil.keySet().stream()
        .filter(account -> !remaining(account).isZero())
        .collect(Collectors.toUnmodifiableSet());
  }
}
