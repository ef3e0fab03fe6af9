package io.picolabs.twilio.outbound;

import io.picolabs.twilio.rest.OutgoingCall;
import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.schema.DatabaseClock;
import io.picolabs.twilio.spi.SendTrace;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox and the message/call log in the application's database ({@code jdbc/twilioRules}, the
 * variables' persistence unit). Reads use an entity manager of their own each time, so that they
 * see the latest commit of any instance (see {@code JpaVariables} for why); writes are conditional
 * native updates, each in a transaction of its own, except {@link #addSms} and {@link #addCall},
 * which join the rule's commit.
 */
@ApplicationScoped
public class OutboxStore {
  /** Message entries. */
  public static final String SMS = "sms";

  /** Call entries. */
  public static final String CALL = "call";

  private static final String UNIT = "twilio-rules";
  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = UNIT)
  EntityManager em;

  @PersistenceUnit(unitName = UNIT)
  EntityManagerFactory factory;

  @Inject @Any Instance<SendTrace> traces;
  @Inject DatabaseClock clock;
  private SendTrace trace;

  @PostConstruct
  void resolveTrace() {
    trace = SendTrace.of(traces);
  }

  /** A fresh entry id, for a status callback URL to carry before the entry is written. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Writes a message to send, in the transaction of the rule's commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addSms(String id, String account, OutgoingSms sms, String origin) {
    String from = sms.from() != null ? sms.from() : sms.messagingServiceSid();
    add(new OutboxEntry(id, SMS, account, sms.to(), from, JSON.toJson(sms), origin, now()));
  }

  /** Writes a call to place, in the transaction of the rule's commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addCall(String id, String account, OutgoingCall call, String origin) {
    add(
        new OutboxEntry(
            id, CALL, account, call.to(), call.from(), JSON.toJson(call), origin, now()));
  }

  private void add(OutboxEntry entry) {
    entry.traceparent = trace.capture();
    em.persist(entry);
  }

  static OutgoingSms sms(OutboxEntry entry) {
    return JSON.fromJson(entry.request, OutgoingSms.class);
  }

  static OutgoingCall call(OutboxEntry entry) {
    return JSON.fromJson(entry.request, OutgoingCall.class);
  }

  /**
   * Entries a sender may claim now: those whose claim expired before {@code expiredBefore} (a
   * crash, a stalled sender) first, then those to reconcile, then those to send, each oldest first;
   * at most {@code limit}, none of the accounts in {@code paused}.
   */
  List<OutboxEntry> due(long nowMillis, long expiredBefore, int limit, Set<String> paused) {
    List<OutboxEntry> due = new ArrayList<>();
    boolean all = paused.isEmpty(); // NOT IN an empty list is not valid JPQL
    try (EntityManager reader = factory.createEntityManager()) {
      TypedQuery<OutboxEntry> expired =
          reader.createNamedQuery(
              all ? OutboxEntry.LEASE_EXPIRED : OutboxEntry.LEASE_EXPIRED_UNPAUSED,
              OutboxEntry.class);
      if (!all) {
        expired.setParameter("paused", paused);
      }
      due.addAll(expired.setParameter("now", expiredBefore).setMaxResults(limit).getResultList());
      for (OutboxEntry.State state :
          List.of(OutboxEntry.State.RECONCILE, OutboxEntry.State.PENDING)) {
        if (due.size() < limit) {
          TypedQuery<OutboxEntry> ready =
              reader.createNamedQuery(
                  all ? OutboxEntry.DUE : OutboxEntry.DUE_UNPAUSED, OutboxEntry.class);
          if (!all) {
            ready.setParameter("paused", paused);
          }
          due.addAll(
              ready
                  .setParameter("state", state.code())
                  .setParameter("now", nowMillis)
                  .setMaxResults(limit - due.size())
                  .getResultList());
        }
      }
    }
    return due;
  }

  /**
   * When the oldest entry not yet settled was created (pending, sending or to reconcile: Twilio has
   * not said what became of it), if there is one: how far behind the outbox is.
   */
  public OptionalLong oldestUnsettledMillis() {
    long oldest = Long.MAX_VALUE;
    try (EntityManager reader = factory.createEntityManager()) {
      for (OutboxEntry.State state :
          List.of(
              OutboxEntry.State.PENDING, OutboxEntry.State.SENDING, OutboxEntry.State.RECONCILE)) {
        Long created =
            reader
                .createNamedQuery(OutboxEntry.OLDEST, Long.class)
                .setParameter("state", state.code())
                .getSingleResult();
        if (created != null) {
          oldest = Math.min(oldest, created);
        }
      }
    }
    return oldest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(oldest);
  }

  /** The entry as last committed. */
  Optional<OutboxEntry> find(String id) {
    try (EntityManager reader = factory.createEntityManager()) {
      return Optional.ofNullable(reader.find(OutboxEntry.class, id));
    }
  }

  /**
   * Claims each of {@code entries} for {@code owner} until {@code leaseUntil}, marking it in doubt
   * (the request may go out from now on), all in one transaction: one commit for a batch instead of
   * one per entry, which bounded the sender when Twilio is fast. An entry is claimed if nobody
   * changed it since it was read and, if it is claimed by another sender, that claim's lease ran
   * out before {@code expiredBefore}; its version is then the claimed one. A claim that will send
   * (the entry was not in doubt) counts the attempt now, so that a crash during the request does
   * not lose it. Times are the database's ({@link DatabaseClock}).
   *
   * <p>The rows are updated in the order of their ids, so that two instances claiming overlapping
   * batches wait for each other's row locks instead of deadlocking.
   *
   * @return the entries claimed, in the order of their ids
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<OutboxEntry> claim(
      List<OutboxEntry> entries,
      String owner,
      long leaseUntil,
      long nowMillis,
      long expiredBefore) {
    List<OutboxEntry> ordered = new ArrayList<>(entries);
    ordered.sort(Comparator.comparing(entry -> entry.id));
    List<OutboxEntry> claimed = new ArrayList<>();
    for (OutboxEntry entry : ordered) {
      int updated =
          em.createNamedQuery(OutboxEntry.CLAIM)
              .setParameter(1, owner)
              .setParameter(2, leaseUntil)
              .setParameter(3, nowMillis)
              .setParameter(4, entry.id)
              .setParameter(5, entry.version)
              .setParameter(6, expiredBefore)
              .executeUpdate();
      if (updated == 1) {
        entry.version++;
        entry.attempts += entry.inDoubt ^ 1;
        entry.owner = owner;
        entry.leaseMillis = leaseUntil;
        claimed.add(entry);
      }
    }
    // a commit that fails throws to the caller, which then dispatches none of them
    return claimed;
  }

  /**
   * Extends the claim on {@code entry} to {@code leaseUntil}, before a request goes out under it:
   * true if the claim is still this sender's and its lease had not run out at {@code nowMillis}.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  boolean renew(OutboxEntry entry, long leaseUntil, long nowMillis) {
    int renewed =
        em.createNamedQuery(OutboxEntry.RENEW)
            .setParameter(1, leaseUntil)
            .setParameter(2, entry.id)
            .setParameter(3, entry.version)
            .setParameter(4, nowMillis)
            .executeUpdate();
    if (renewed == 1) {
      entry.leaseMillis = leaseUntil;
    }
    return renewed == 1;
  }

  /**
   * Records where a claimed entry stands now (and, for one Twilio just accepted, the status it
   * answered): false if the claim was lost meanwhile (the lease ran out and another sender took the
   * entry), in which case nothing is changed.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  boolean settle(OutboxEntry entry, Settlement settlement, long nowMillis) {
    int settled =
        em.createNamedQuery(OutboxEntry.SETTLE)
            .setParameter(1, settlement.state().code())
            .setParameter(2, settlement.state() == OutboxEntry.State.RECONCILE ? 1 : 0)
            .setParameter(3, settlement.dueMillis())
            .setParameter(4, settlement.attempts())
            .setParameter(5, settlement.checks())
            .setParameter(6, settlement.sid())
            .setParameter(7, settlement.errorCode())
            .setParameter(8, OutboxEntry.clip(settlement.errorMessage(), 500))
            .setParameter(9, OutboxEntry.clip(settlement.reason(), 500))
            .setParameter(10, nowMillis)
            .setParameter(11, entry.id)
            .setParameter(12, entry.version)
            .executeUpdate();
    if (settled == 1 && settlement.status() != null) {
      em.createNamedQuery(OutboxEntry.ANSWERED_STATUS)
          .setParameter(1, settlement.status())
          .setParameter(2, entry.id)
          .executeUpdate();
    }
    return settled == 1;
  }

  /** The entry Twilio's {@code sid} belongs to, if it is one of ours. */
  Optional<OutboxEntry> bySid(String sid) {
    try (EntityManager reader = factory.createEntityManager()) {
      return reader
          .createNamedQuery(OutboxEntry.BY_SID, OutboxEntry.class)
          .setParameter("sid", sid)
          .setMaxResults(1)
          .getResultStream()
          .findFirst();
    }
  }

  /** Which of {@code sids} already belong to an entry. */
  Set<String> known(Collection<String> sids) {
    if (sids.isEmpty()) {
      return Set.of();
    }
    try (EntityManager reader = factory.createEntityManager()) {
      return new HashSet<>(
          reader
              .createNamedQuery(OutboxEntry.SIDS, String.class)
              .setParameter("sids", List.copyOf(sids))
              .getResultList());
    }
  }

  /**
   * The entries that could have made the same request as {@code entry} and are in doubt with it
   * (claimed, or to reconcile): the same kind, account, To and From, and for messages the same
   * body, media and messaging service; {@code entry} among them; oldest first (then by id).
   */
  List<OutboxEntry> siblings(OutboxEntry entry) {
    List<OutboxEntry> read = new ArrayList<>();
    try (EntityManager reader = factory.createEntityManager()) {
      for (OutboxEntry.State state :
          List.of(OutboxEntry.State.SENDING, OutboxEntry.State.RECONCILE)) {
        read.addAll(
            reader
                .createNamedQuery(OutboxEntry.IN_DOUBT_TO, OutboxEntry.class)
                .setParameter("state", state.code())
                .setParameter("kind", entry.kind)
                .setParameter("to", entry.to)
                .setParameter("from", entry.from)
                .getResultList());
      }
    }
    return siblings(entry, read);
  }

  /**
   * Of the entries {@code read} in doubt, those that could have made the same request as {@code
   * entry}, with {@code entry}, each once (an entry that moved from one state to the other between
   * the reads is read twice), oldest first.
   */
  static List<OutboxEntry> siblings(OutboxEntry entry, List<OutboxEntry> read) {
    Map<String, OutboxEntry> byId = new LinkedHashMap<>();
    for (OutboxEntry other : read) {
      if (sameRequest(entry, other)) {
        byId.put(other.id, other);
      }
    }
    byId.put(entry.id, entry);
    List<OutboxEntry> siblings = new ArrayList<>(byId.values());
    siblings.sort(
        Comparator.comparingLong((OutboxEntry e) -> e.createdMillis).thenComparing(e -> e.id));
    return siblings;
  }

  private static boolean sameRequest(OutboxEntry a, OutboxEntry b) {
    if (!Objects.equals(a.account, b.account)) {
      return false;
    }
    if (CALL.equals(a.kind)) {
      return true;
    }
    OutgoingSms one = sms(a);
    OutgoingSms two = sms(b);
    return Objects.equals(one.body(), two.body())
        && Objects.equals(one.mediaUrls(), two.mediaUrls())
        && Objects.equals(one.messagingServiceSid(), two.messagingServiceSid());
  }

  /**
   * Removes the entries settled (sent, failed, unknown) before {@code beforeMillis}, with their
   * status history: what the log shows and the bodies it keeps (personal data) are kept no longer
   * than the retention. Entries not settled are never removed. Answers how many entries went.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeSettled(long beforeMillis) {
    int removed = 0;
    for (OutboxEntry.State state :
        List.of(OutboxEntry.State.SENT, OutboxEntry.State.FAILED, OutboxEntry.State.UNKNOWN)) {
      em.createNamedQuery(OutboxEntry.PURGE_HISTORY)
          .setParameter(1, state.code())
          .setParameter(2, beforeMillis)
          .executeUpdate();
      removed +=
          em.createNamedQuery(OutboxEntry.PURGE)
              .setParameter(1, state.code())
              .setParameter(2, beforeMillis)
              .executeUpdate();
    }
    return removed;
  }

  /** A page of the log of {@code kind}, newest first, each entry with its status history. */
  public List<LogEntry> log(String kind, int offset, int limit) {
    try (EntityManager reader = factory.createEntityManager()) {
      List<OutboxEntry> entries =
          reader
              .createNamedQuery(OutboxEntry.LOG, OutboxEntry.class)
              .setParameter("kind", kind)
              .setFirstResult(offset)
              .setMaxResults(limit)
              .getResultList();
      Map<String, List<LogEntry.Status>> history = new LinkedHashMap<>();
      entries.forEach(entry -> history.put(entry.id, new ArrayList<>()));
      if (!entries.isEmpty()) {
        reader
            .createNamedQuery(StatusChange.OF_ENTRIES, StatusChange.class)
            .setParameter("entries", List.copyOf(history.keySet()))
            .getResultList()
            .forEach(
                change ->
                    history
                        .get(change.entry)
                        .add(
                            new LogEntry.Status(
                                change.status,
                                change.atMillis,
                                change.errorCode,
                                change.forward != 0)));
      }
      List<LogEntry> page = new ArrayList<>();
      for (OutboxEntry entry : entries) {
        page.add(LogEntry.of(entry, history.get(entry.id)));
      }
      return page;
    }
  }

  private long now() {
    return clock.now();
  }
}
