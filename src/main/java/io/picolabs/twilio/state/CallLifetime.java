package io.picolabs.twilio.state;

import io.picolabs.twilio.config.StateConfig;
import io.picolabs.twilio.event.ManagedScheduler;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.AfterEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How long call variables live: until the call's status callback says it has ended, or {@code
 * twilio.state.call-lifetime-minutes} (240) after their last write, whichever comes first; a call
 * whose callback never comes (none configured, lost) does not leave its variables forever.
 *
 * <p>Expired rows are removed every {@value #PURGE_MINUTES} minutes on the managed scheduled
 * executor {@code concurrent/twilioRulesScheduler} of {@code server.xml} (else the default one);
 * until then they already read as absent.
 */
@ApplicationScoped
public class CallLifetime implements AfterEvent {
  static final long PURGE_MINUTES = 5;

  private static final Logger LOG = Logger.getLogger(CallLifetime.class.getName());
  // Twilio's final call statuses
  private static final Set<String> ENDED =
      Set.of("completed", "busy", "failed", "no-answer", "canceled");

  @Inject StateConfig config;
  @Inject VariableStore store;

  private Duration lifetime;
  private ScheduledFuture<?> purge;

  @PostConstruct
  void read() {
    lifetime = config.callLifetime();
  }

  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Starts the purge, first run after one period (the table is created at start, see JpaVariables).
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    purge =
        ManagedScheduler.repeat(
            Duration.ofMinutes(PURGE_MINUTES),
            LOG,
            "could not remove expired call variables",
            this::purgeExpired);
  }

  @PreDestroy
  void stop() {
    if (purge != null) {
      purge.cancel(false);
    }
  }

  private void purgeExpired() {
    int removed = store.removeExpired(System.currentTimeMillis());
    if (removed > 0) {
      LOG.fine(() -> "removed " + removed + " expired call variables");
    }
  }

  /**
   * After an event's rules ran: if it says its call has ended ({@code CallStatus} completed, busy,
   * failed, no-answer, canceled), the call's variables go.
   */
  @Override
  public void after(RuleEvent event) {
    String status = event.attr("CallStatus");
    String sid = event.attr("CallSid");
    if (status != null && sid != null && !sid.isBlank() && ENDED.contains(status)) {
      try {
        store.removeAll(Scope.CALL, sid);
      } catch (RuntimeException e) {
        // the answer to the callback does not depend on it, and the variables expire anyway
        LOG.log(Level.WARNING, "could not remove the variables of ended call " + sid + ": " + e, e);
      }
    }
  }
}
