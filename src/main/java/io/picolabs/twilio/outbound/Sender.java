package io.picolabs.twilio.outbound;

import io.picolabs.twilio.config.OutboxConfig;
import io.picolabs.twilio.config.RestConfig;
import io.picolabs.twilio.event.ManagedScheduler;
import io.picolabs.twilio.rest.MissingCredentials;
import io.picolabs.twilio.rest.OutcomeUnknown;
import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.PlacedCall;
import io.picolabs.twilio.rest.RetryPolicy;
import io.picolabs.twilio.rest.SentMessage;
import io.picolabs.twilio.rest.TwilioError;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.rest.TwilioUnreachable;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.schema.DatabaseClock;
import io.picolabs.twilio.spi.SendTrace;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, never on a thread that answers Twilio: it looks for due entries on
 * the managed scheduled executor of {@code server.xml}, and sends on threads of its own from the
 * container's {@link ManagedThreadFactory} (so with the application's context).
 *
 * <p>It wakes when a rule's sends commit on this instance, and every {@code twilio.outbox.poll-ms}
 * for the rest (entries of other instances, retries that came due, leases that ran out). Entries
 * are claimed with a conditional update each, up to {@code twilio.outbox.claim-size} in one commit,
 * so several instances share the outbox without sending an entry twice. A claim is a lease ({@code
 * twilio.outbox.lease-seconds}) in the database's time ({@link DatabaseClock}), renewed before a
 * request goes out under it unless what is left of it covers the request; a request has a total
 * deadline shorter than the lease, so it has ended (answered or given up) before the lease can run
 * out. Another sender takes over a claim whose lease ran out only {@code
 * twilio.outbox.reconcile-delay-ms} later, and then reconciles it. At most {@code
 * twilio.outbox.concurrency} requests are in flight per instance.
 *
 * <p>Each claim makes one request. A 429 or a connection that never reached Twilio puts the entry
 * back with exponential backoff ({@code twilio.retry.*}; {@code Retry-After} honoured) until the
 * attempts run out; another 4xx fails it. A 429 also pauses the account for as long ({@link
 * AccountPacing}): its entries are not claimed meanwhile, and one claimed already goes back to
 * pending with its attempt given back. A request whose answer was lost (5xx, read timeout, a crash
 * with the entry still claimed) is never sent again blindly: after {@code
 * twilio.outbox.reconcile-delay-ms} the sender asks Twilio for the message or call it might have
 * created ({@link Reconciliation}), records it if found, and sends again only if not, at most
 * {@code twilio.retry.max-attempts} requests in all: then the entry failed (Twilio has none of
 * them). When Twilio cannot be asked, or the check fails otherwise, it tries again, up to {@code
 * twilio.outbox.max-checks} times, and then reports the outcome as unknown.
 */
@ApplicationScoped
public class Sender {
  private static final Logger LOG = Logger.getLogger(Sender.class.getName());
  // Twilio's largest page: a lost message is found unless this many to the same number were
  // accepted after it (see docs/operating.md on what can still go wrong)
  private static final int LISTED = 1000;

  @Inject OutboxStore store;
  @Inject TwilioRest rest;
  @Inject OutcomeEvents outcomes;
  @Inject Event<SendSettled> settled;
  @Inject OutboxConfig config;
  @Inject RestConfig restConfig;
  @Inject @Any Instance<SendTrace> traces;
  @Inject DatabaseClock clock;
  private SendTrace trace;
  @Resource ManagedThreadFactory threadFactory;

  /** Entries whose request is still running on this instance, past its deadline included. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  private final String owner = hostName() + "/" + UUID.randomUUID();
  private final AtomicBoolean polling = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean stopped;
  private ManagedScheduledExecutorService executor;
  private ScheduledFuture<?> periodic;
  private ThreadPoolExecutor senders;
  private ThreadPoolExecutor requests;
  private Semaphore slots;
  private int claimSize;
  private final AccountPacing pacing = new AccountPacing();
  private RetryPolicy retry;
  private long leaseMillis;
  private long reconcileDelayMillis;
  private int maxChecks;
  private long deadlineMillis;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    retry = RetryPolicy.of(restConfig);
    trace = SendTrace.of(traces);
    int concurrency = config.concurrency();
    slots = new Semaphore(concurrency);
    claimSize = config.claimSize();
    // Sends wait for Twilio (seconds, when it is slow) on threads of their own: on the server's
    // executor, which also serves HTTP requests, blocked sends held up the answers to webhooks.
    senders =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threadFactory);
    senders.allowCoreThreadTimeOut(true);
    // Each request runs on a thread of its own so that its sender can stop waiting at the request's
    // total deadline: the client's read timeout bounds each read, not an answer that trickles in.
    // A request past its deadline keeps its thread until the client gives up; there are at most a
    // few, as each slot starts a request only after its previous one ended or ran out.
    requests =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    deadlineMillis = config.requestDeadline().toMillis();
    leaseMillis = config.lease().toMillis();
    reconcileDelayMillis = config.reconcileDelay().toMillis();
    maxChecks = config.maxChecks();
    long pollMillis = config.poll().toMillis();
    executor = ManagedScheduler.lookup();
    periodic = executor.scheduleWithFixedDelay(this::wake, 0, pollMillis, TimeUnit.MILLISECONDS);
    // the owner names this instance in TWILIO_OUTBOX.OWNER_ID: which instance holds a claim
    LOG.info(
        () ->
            "outbox sender "
                + owner
                + ": "
                + concurrency
                + " at once, up to "
                + claimSize
                + " claimed in one commit, claims of "
                + leaseMillis
                + " ms, requests of "
                + deadlineMillis
                + " ms at most");
  }

  @PreDestroy
  void stop() {
    stopped = true;
    if (periodic != null) {
      periodic.cancel(false);
    }
    if (senders != null) {
      senders.shutdown(); // a send in flight finishes; an entry left claimed is reconciled later
    }
    if (requests != null) {
      requests.shutdown();
    }
  }

  /** Looks for due entries now: a rule's sends just committed, or a send finished. */
  public void wake() {
    if (stopped || executor == null) {
      return;
    }
    again.set(true);
    if (polling.compareAndSet(false, true)) {
      try {
        executor.execute(this::poll);
      } catch (RejectedExecutionException e) {
        polling.set(false);
        // the application is stopping: its executor goes first
        LOG.fine(() -> "outbox not polled (executor refused: " + e.getMessage() + ")");
      }
    }
  }

  private void poll() {
    try {
      while (again.getAndSet(false) && !stopped) {
        claimDue();
      }
    } catch (RuntimeException e) {
      // logged, not thrown: the next wake or period tries again
      LOG.log(Level.WARNING, "outbox not polled: " + e, e);
    } finally {
      polling.set(false);
    }
  }

  private void claimDue() {
    int free = Math.min(slots.availablePermits(), claimSize);
    if (free == 0) {
      return; // a send that finishes wakes the sender again
    }
    clock.sync();
    long now = clock.now();
    // a claim that ran out is taken over only after the reconcile delay: its request may have
    // created the message just before, and Twilio's lists show it a while later
    long expiredBefore = now - reconcileDelayMillis;
    List<OutboxEntry> due = store.due(now, expiredBefore, free, pacing.paused());
    // an entry whose request still runs here is reconciled once that ended
    List<OutboxEntry> ready = new ArrayList<>();
    for (OutboxEntry entry : due) {
      if (!inFlight.contains(entry.id) && slots.tryAcquire()) {
        ready.add(entry);
      }
    }
    if (ready.isEmpty()) {
      return;
    }
    List<OutboxEntry> claimed = List.of();
    try {
      claimed = store.claim(ready, owner, now + leaseMillis, now, expiredBefore);
    } finally {
      slots.release(ready.size() - claimed.size()); // other senders have the rest
    }
    claimed.forEach(this::dispatch);
    if (due.size() == free && !claimed.isEmpty()) {
      again.set(true); // there may be more
    }
  }

  private void dispatch(OutboxEntry entry) {
    try {
      senders.execute(
          () -> {
            try {
              process(entry);
            } catch (RuntimeException e) {
              LOG.log(Level.SEVERE, "outbox entry " + entry.id + " not processed: " + e, e);
            } finally {
              slots.release();
              wake();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release(); // the lease runs out and the entry is reconciled, as after a crash
      LOG.warning(() -> "outbox entry " + entry.id + " left for later: " + e.getMessage());
    }
  }

  private void process(OutboxEntry entry) {
    Duration paused = pacing.remaining(entry.account);
    if (!paused.isZero() && !entry.inDoubt()) {
      // claimed before Twilio asked to slow down: back to pending until the pause ends, and the
      // attempt its claim counted is given back, as no request went out
      settle(
          entry,
          Settlement.retry(
              entry,
              entry.attempts - 1,
              clock.now() + paused.toMillis(),
              "paused: Twilio asked this account to slow down"),
          null);
    } else if (entry.inDoubt()) {
      reconcile(entry);
    } else {
      send(entry);
    }
  }

  /** A request for the entry may have reached Twilio: find what it created before resending. */
  private void reconcile(OutboxEntry claimed) {
    OutboxEntry entry = store.find(claimed.id).orElse(claimed);
    entry.version = claimed.version;
    if (entry.sid != null) { // a status callback named it meanwhile
      settle(entry, Settlement.sent(entry, entry.attempts, entry.sid, null), sent(entry, null));
      return;
    }
    if (!renewed(entry)) {
      return;
    }
    Reconciliation.Verdict<Map<String, String>> verdict;
    try {
      List<OutboxEntry> siblings = store.siblings(entry);
      int position = indexOf(siblings, entry);
      long now = clock.now();
      // An older identical entry whose claim is live may be sending right now: what Twilio lists
      // could lack its message, or show it as if it were this one's. Only older ones are waited
      // for, so that two siblings reconciled at once cannot wait for each other forever.
      if (siblings.subList(0, position).stream()
          .anyMatch(
              older ->
                  OutboxEntry.State.SENDING.code().equals(older.state)
                      && older.leaseMillis > now)) {
        checkFailed(entry, "an identical older request was in flight; asked again later");
        return;
      }
      Reconciliation.Siblings place = new Reconciliation.Siblings(position, siblings.size());
      verdict = request(entry, "list for outbox entry " + entry.id, () -> find(entry, place));
    } catch (RuntimeException e) {
      // Twilio could not be asked (an error, no answer, no keys), or the answer not compared (the
      // database): a check that failed, counted, so that the entry cannot stay in doubt forever
      if (!(e instanceof TwilioError
          || e instanceof TwilioUnreachable
          || e instanceof MissingCredentials
          || e instanceof OutcomeUnknown)) {
        LOG.log(Level.SEVERE, "outbox entry " + entry.id + ": the check failed unexpectedly", e);
      }
      checkFailed(entry, "could not ask Twilio: " + e.getMessage());
      return;
    }
    if (verdict.isAmbiguous()) {
      String reason = verdict.ambiguity();
      LOG.warning(() -> "outbox entry " + entry.id + ": outcome unknown: " + reason);
      settle(
          entry,
          Settlement.unknown(entry, entry.checks + 1, reason),
          Outcomes.unknown(entry, reason));
    } else if (verdict.found().isPresent()) {
      Map<String, String> attrs = verdict.found().get();
      LOG.info(() -> "outbox entry " + entry.id + ": Twilio has it as " + attrs.get("sid"));
      settle(
          entry,
          Settlement.sent(entry, entry.attempts, attrs.get("sid"), attrs.get("status")),
          Outcomes.sent(entry, attrs));
    } else if (entry.attempts >= retry.maxAttempts()) {
      // every attempt reached Twilio and none left a trace: it does not take this request now
      String reason =
          "Twilio does not have it after "
              + entry.attempts
              + " attempts whose answers were lost or errors ("
              + entry.reason
              + ")";
      LOG.warning(() -> "outbox entry " + entry.id + ": " + reason + "; not sent again");
      settle(
          entry,
          Settlement.failed(entry, entry.attempts, null, reason),
          Outcomes.failed(entry, null, reason, null, null));
    } else {
      LOG.info(() -> "outbox entry " + entry.id + ": Twilio does not have it; sending again");
      entry.attempts++;
      send(entry);
    }
  }

  /** A check that told nothing: tried again later, up to the limit, then the outcome is unknown. */
  private void checkFailed(OutboxEntry entry, String reason) {
    int checks = entry.checks + 1;
    if (checks >= maxChecks) {
      LOG.warning(
          () -> "outbox entry " + entry.id + ": outcome unknown after " + checks + " checks");
      settle(entry, Settlement.unknown(entry, checks, reason), Outcomes.unknown(entry, reason));
    } else {
      long due = clock.now() + reconcileDelayMillis * checks;
      settle(entry, Settlement.reconcile(entry, entry.attempts, checks, due, reason), null);
    }
  }

  private static int indexOf(List<OutboxEntry> siblings, OutboxEntry entry) {
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).id.equals(entry.id)) {
        return i;
      }
    }
    throw new IllegalStateException("outbox entry " + entry.id + " is not among its siblings");
  }

  private Reconciliation.Verdict<Map<String, String>> find(
      OutboxEntry entry, Reconciliation.Siblings place) {
    if (OutboxStore.CALL.equals(entry.kind)) {
      List<PlacedCall> listed = rest.recentCalls(entry.account, entry.to, entry.from, LISTED);
      return Reconciliation.call(
              listed, entry.to, entry.from, entry.createdMillis, store.known(sids(listed)), place)
          .map(call -> reconciled(answered(call)));
    }
    OutgoingSms sms = OutboxStore.sms(entry);
    List<SentMessage> listed = rest.recentMessages(entry.account, entry.to, sms.from(), LISTED);
    return Reconciliation.message(
            listed, sms, entry.createdMillis, store.known(sids(listed)), place)
        .map(message -> reconciled(answered(message)));
  }

  private static List<String> sids(List<?> listed) {
    List<String> sids = new ArrayList<>();
    for (Object item : listed) {
      sids.add(item instanceof SentMessage m ? m.sid() : ((PlacedCall) item).sid());
    }
    return sids;
  }

  private static Map<String, String> reconciled(Map<String, String> attrs) {
    attrs.put("reconciled", "true");
    return attrs;
  }

  private void send(OutboxEntry entry) {
    if (!renewed(entry)) {
      return;
    }
    int attempts = entry.attempts; // this attempt included: counted by the claim or the check
    try {
      boolean call = OutboxStore.CALL.equals(entry.kind);
      Map<String, String> answered =
          request(
              entry,
              (call ? "place_call to " : "send_sms to ") + entry.to,
              () ->
                  trace.resume(
                      entry.traceparent,
                      call ? "place call" : "send sms",
                      () ->
                          call
                              ? answered(rest.placeCallOnce(entry.account, OutboxStore.call(entry)))
                              : answered(rest.sendSmsOnce(entry.account, OutboxStore.sms(entry)))));
      settle(
          entry,
          Settlement.sent(entry, attempts, answered.get("sid"), answered.get("status")),
          Outcomes.sent(entry, answered));
    } catch (TwilioError e) {
      if (e.isRetryable()) {
        // the limit is the account's: its other requests wait too instead of meeting it as well
        pacing.pause(entry.account, retry.delayAfter(attempts, e.retryAfter()));
      }
      if (e.isRetryable() && attempts < retry.maxAttempts()) {
        retryLater(entry, attempts, e.retryAfter(), e.getMessage());
      } else {
        LOG.warning(() -> entry.kind + " to " + entry.to + " refused: " + e.getMessage());
        settle(
            entry,
            Settlement.failed(entry, attempts, e.code(), e.twilioMessage()),
            Outcomes.failed(entry, e.code(), e.twilioMessage(), e.moreInfo(), e.status()));
      }
    } catch (TwilioUnreachable e) {
      if (attempts < retry.maxAttempts()) {
        retryLater(entry, attempts, null, e.getMessage());
      } else {
        LOG.warning(e::getMessage);
        settle(
            entry,
            Settlement.failed(entry, attempts, null, e.getMessage()),
            Outcomes.failed(entry, null, e.getMessage(), null, null));
      }
    } catch (MissingCredentials | IllegalArgumentException e) {
      // nothing was sent: the account's keys were removed, or the entry cannot be a request
      settle(
          entry,
          Settlement.failed(entry, attempts, null, e.getMessage()),
          Outcomes.failed(entry, null, e.getMessage(), null, null));
    } catch (OutcomeUnknown e) {
      LOG.warning(() -> e.getMessage() + "; Twilio will be asked before it is sent again");
      settle(
          entry,
          Settlement.reconcile(
              entry, attempts, entry.checks, clock.now() + reconcileDelayMillis, e.reason()),
          null);
    } catch (RuntimeException e) {
      // Not an outcome the client knows: whether it went out cannot be told, so it is reconciled.
      LOG.log(Level.SEVERE, entry.kind + " to " + entry.to + ": unexpected failure", e);
      settle(
          entry,
          Settlement.reconcile(
              entry,
              attempts,
              entry.checks,
              clock.now() + reconcileDelayMillis,
              "unexpected failure: " + e),
          null);
    }
  }

  /**
   * Extends the claim before a request goes out under it, so that the lease covers the whole
   * request (its deadline is shorter than the lease: {@code OutboxConfig}): false, and nothing is
   * to be sent, if the claim was lost.
   */
  private boolean renewed(OutboxEntry entry) {
    long now = clock.now();
    if (entry.leaseMillis - now >= deadlineMillis + OutboxConfig.LEASE_MARGIN.toMillis()) {
      // what is left of the claim covers a whole request, as a fresh claim does (the lease is
      // longer than a request: OutboxConfig), so the renewal's commit is saved
      return true;
    }
    if (store.renew(entry, now + leaseMillis, now)) {
      return true;
    }
    LOG.warning(
        () ->
            "outbox entry "
                + entry.id
                + ": the claim ran out before its request went out; left to the sender that"
                + " takes it over");
    return false;
  }

  /**
   * Runs {@code call} (a request to Twilio) and waits for it until the request's total deadline
   * ({@code twilio.connect-timeout-ms} + {@code twilio.read-timeout-ms}). Past it, the outcome is
   * unknown ({@link OutcomeUnknown}) and the request is left to end on its own; its answer is
   * dropped, and the entry is not claimed here again until it ended.
   */
  private <T> T request(OutboxEntry entry, String what, Supplier<T> call) {
    Future<T> answer;
    inFlight.add(entry.id);
    try {
      answer =
          requests.submit(
              () -> {
                try {
                  return call.get();
                } finally {
                  inFlight.remove(entry.id);
                }
              });
    } catch (RejectedExecutionException e) {
      inFlight.remove(entry.id);
      throw new TwilioUnreachable(what, 1, e); // not sent: the application is stopping
    }
    try {
      return answer.get(deadlineMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new OutcomeUnknown(
          what, "no answer within the request's deadline (" + deadlineMillis + " ms)", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutcomeUnknown(what, "interrupted while waiting for the answer", e);
    }
  }

  private void retryLater(OutboxEntry entry, int attempts, Duration requested, String why) {
    Duration delay = retry.delayAfter(attempts, requested);
    LOG.info(
        () ->
            "outbox entry "
                + entry.id
                + ": attempt "
                + attempts
                + " failed ("
                + why
                + "), again in "
                + delay.toMillis()
                + " ms");
    settle(entry, Settlement.retry(entry, attempts, clock.now() + delay.toMillis(), why), null);
  }

  /**
   * Records the settlement, tells it ({@link SendSettled}) and raises the outcome, unless another
   * sender took the entry over.
   */
  private void settle(OutboxEntry entry, Settlement settlement, RuleEvent outcome) {
    if (!store.settle(entry, settlement, clock.now())) {
      LOG.warning(
          () ->
              "outbox entry "
                  + entry.id
                  + ": the claim ran out before the "
                  + settlement.state().code()
                  + " outcome was recorded; another sender took it over");
      return;
    }
    try {
      settled.fire(
          SendSettled.of(
              entry, settlement, outcome != null && "true".equals(outcome.attr("reconciled"))));
    } catch (RuntimeException e) {
      // counting must never keep the rules from their outcome
      LOG.log(Level.WARNING, "outbox entry " + entry.id + ": settlement not told: " + e, e);
    }
    if (outcome != null) {
      outcomes.raiseLater(outcome, entry.origin); // not in this send slot
    }
  }

  private static RuleEvent sent(OutboxEntry entry, String status) {
    Map<String, String> attrs = new LinkedHashMap<>();
    Outcomes.put(attrs, "sid", entry.sid);
    Outcomes.put(attrs, "status", status != null ? status : entry.status);
    return Outcomes.sent(entry, reconciled(attrs));
  }

  private static Map<String, String> answered(SentMessage sent) {
    Map<String, String> attrs = new LinkedHashMap<>();
    Outcomes.put(attrs, "sid", sent.sid());
    Outcomes.put(attrs, "status", sent.status());
    Outcomes.put(attrs, "body", sent.body());
    Outcomes.put(attrs, "num_segments", sent.numSegments());
    return attrs;
  }

  private static Map<String, String> answered(PlacedCall placed) {
    Map<String, String> attrs = new LinkedHashMap<>();
    Outcomes.put(attrs, "sid", placed.sid());
    Outcomes.put(attrs, "status", placed.status());
    return attrs;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
