package io.picolabs.twilio.outbound;

import io.picolabs.twilio.config.OutboxConfig;
import io.picolabs.twilio.event.ManagedScheduler;
import io.picolabs.twilio.schema.DatabaseClock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * Keeps settled outbox entries (sent, failed, unknown) and their status history for {@code
 * twilio.outbox.retention-seconds} (30 days) after they were settled, then removes them: the log
 * holds message bodies and numbers, personal data that must not pile up for ever. Runs on the
 * managed scheduler, every hour or every half retention if that is shorter; every instance purges,
 * which is harmless (a delete of what is already gone deletes nothing).
 */
@ApplicationScoped
public class Retention {
  private static final Logger LOG = Logger.getLogger(Retention.class.getName());
  private static final long MAX_PERIOD_SECONDS = 3600;

  @Inject OutboxStore store;
  @Inject DatabaseClock clock;
  @Inject OutboxConfig config;

  private ScheduledFuture<?> purge;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long period = Math.max(1, Math.min(MAX_PERIOD_SECONDS, config.retention().toSeconds() / 2));
    purge =
        ManagedScheduler.repeat(
            Duration.ofSeconds(period),
            LOG,
            "outbox retention: could not remove settled entries",
            this::purge);
  }

  @PreDestroy
  void stop() {
    if (purge != null) {
      purge.cancel(false);
    }
  }

  private void purge() {
    int removed = store.purgeSettled(clock.now() - config.retention().toMillis());
    if (removed > 0) {
      LOG.info(() -> "outbox retention: removed " + removed + " settled entries");
    }
  }
}
