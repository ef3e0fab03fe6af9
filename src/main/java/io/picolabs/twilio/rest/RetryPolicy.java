package io.picolabs.twilio.rest;

import io.picolabs.twilio.config.RestConfig;
import java.time.Duration;

/**
 * Exponential backoff for requests that certainly did not reach Twilio's application (a refused
 * connection, a 429): the delay doubles from {@code initialDelay} up to {@code maxDelay}, for at
 * most {@code maxAttempts} attempts in all. A {@code Retry-After} from Twilio is honoured up to
 * {@code maxDelay}, but never shortens the backoff: a {@code Retry-After: 0} taken at its word
 * would let one request spend all its attempts on the same limit within milliseconds.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("twilio.retry.max-attempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("retry delays must be 0 <= initial <= max");
    }
  }

  /** The policy {@code twilio.retry.*} configures. */
  public static RetryPolicy of(RestConfig config) {
    return new RetryPolicy(config.maxAttempts(), config.initialDelay(), config.maxDelay());
  }

  /**
   * The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed.
   */
  public Duration delayAfter(int attempt, Duration requested) {
    Duration delay = initialDelay.multipliedBy(1L << Math.min(attempt - 1, 30));
    if (requested != null && requested.compareTo(delay) > 0) {
      delay = requested;
    }
    return delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay;
  }
}
