package io.picolabs.twilio.schema;

import io.picolabs.twilio.config.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.OffsetDateTime;
import java.util.Date;

/**
 * The time of everything instances compare, the outbox's leases and due times and the webhooks'
 * claims: the database's clock, not this host's. They are written by one instance and compared by
 * another, so they must come from one clock: with each host's own, an instance whose clock runs
 * ahead takes over claims that are still running, and one whose clock runs behind holds its leases
 * too long.
 *
 * <p>Reading the database's clock for every timestamp would cost a round trip each; instead the
 * host's clock is used with the offset last measured against the database's ({@link #sync}, at most
 * once a second, before claims). The error is half the round trip of the measure, milliseconds,
 * against leases of seconds.
 *
 * <p>The host's clock may be shifted by {@code twilio.outbox.clock-offset-ms}, for tests of a host
 * whose clock is wrong: the database's clock makes the shift disappear from everything the
 * instances compare.
 */
@ApplicationScoped
public class DatabaseClock {
  private static final long SYNC_EVERY_NANOS = 1_000_000_000L;
  private static final String TIMEOUT = "jakarta.persistence.query.timeout";
  private static final int READ_TIMEOUT_MILLIS = 2000;

  @PersistenceUnit(unitName = "twilio-rules")
  EntityManagerFactory factory;

  @Inject OutboxConfig config;

  private volatile long offsetMillis; // the database's clock minus this host's
  private volatile long syncedNanos;
  private volatile boolean synced;

  /** The database's time now, in milliseconds since the epoch, as last measured. */
  public long now() {
    return host() + offsetMillis;
  }

  /** This host's time (shifted by {@code twilio.outbox.clock-offset-ms}). */
  private long host() {
    return System.currentTimeMillis() + config.clockOffset().toMillis();
  }

  /**
   * Measures the offset against the database's clock, unless it was measured less than a second
   * ago. A failure (the database cannot be reached) is thrown: nothing should be claimed then.
   */
  public void sync() {
    if (synced && System.nanoTime() - syncedNanos < SYNC_EVERY_NANOS) {
      return;
    }
    // Three reads, the one with the shortest round trip taken: the database's time was read
    // somewhere within it, so its error is at most half of it. The first read of a sync may also
    // open a connection, a round trip long and lopsided enough to shift the offset by its length.
    long bestRoundTrip = Long.MAX_VALUE;
    long bestOffset = 0;
    try (EntityManager reader = factory.createEntityManager()) {
      for (int read = 0; read < 3; read++) {
        long started = System.nanoTime();
        long before = host();
        // valid on Derby and PostgreSQL; PostgreSQL's is the time of the statement's transaction
        Object now =
            reader
                .createNativeQuery("VALUES (CURRENT_TIMESTAMP)")
                .setHint(TIMEOUT, READ_TIMEOUT_MILLIS) // a stalled database: a failure, not a wait
                .getSingleResult();
        long roundTrip = (System.nanoTime() - started) / 1_000_000;
        if (roundTrip < bestRoundTrip) {
          bestRoundTrip = roundTrip;
          bestOffset = millis(now) - (before + roundTrip / 2);
        }
      }
    }
    offsetMillis = bestOffset;
    syncedNanos = System.nanoTime();
    synced = true;
  }

  private static long millis(Object timestamp) {
    if (timestamp instanceof Date date) { // java.sql.Timestamp
      return date.getTime();
    }
    if (timestamp instanceof OffsetDateTime time) {
      return time.toInstant().toEpochMilli();
    }
    throw new IllegalStateException("the database's CURRENT_TIMESTAMP came as " + timestamp);
  }
}
