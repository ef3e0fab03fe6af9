package io.picolabs.twilio.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One outbound message or call: what to send (the request as JSON), where it stands in the outbox
 * ({@link State}), and what Twilio said of it (SID, status, error).
 *
 * <p>Claims and state changes are conditional native updates on {@code ROW_VERSION}: whoever
 * changes a row must have seen its latest version, so two senders (threads or instances) never both
 * own a row, and a sender whose lease ran out cannot overwrite what the next one did.
 *
 * <p>The error code, the one nullable number they set, is cast: EclipseLink binds a null parameter
 * of a native query as VARCHAR, which PostgreSQL refuses for an INTEGER column (and in a COALESCE
 * with one); Derby takes either.
 */
@Entity
@Table(
    name = "TWILIO_OUTBOX",
    indexes = {
      @Index(name = "TWILIO_OUTBOX_DUE", columnList = "STATE,DUE_MS"),
      @Index(name = "TWILIO_OUTBOX_LEASE", columnList = "STATE,LEASE_MS"),
      @Index(name = "TWILIO_OUTBOX_LOG", columnList = "KIND,CREATED_MS"),
      // the retention's purge: settled entries by state and age
      @Index(name = "TWILIO_OUTBOX_SETTLED", columnList = "STATE,UPDATED_MS")
    },
    // one entry per SID: reconciliation never takes another entry's message or call
    uniqueConstraints = @UniqueConstraint(name = "TWILIO_OUTBOX_SID_UNIQUE", columnNames = "SID"))
// One state per query, so that each is a range of an index: as one query with OR, Derby scanned the
// whole table, sent rows and all, and the sender slowed down as the table grew (measured:
// docs/adr/0007-outbox-due-query-per-state.md).
@NamedQuery(
    name = OutboxEntry.DUE,
    query =
        "SELECT o FROM OutboxEntry o WHERE o.state = :state AND o.dueMillis <= :now"
            + " ORDER BY o.dueMillis")
@NamedQuery(
    name = OutboxEntry.LEASE_EXPIRED,
    query =
        "SELECT o FROM OutboxEntry o WHERE o.state = 'sending' AND o.leaseMillis <= :now"
            + " ORDER BY o.leaseMillis")
// The same two, leaving out the accounts Twilio asked to slow down (AccountPacing, which names the
// default account, null here, ''), so that their entries cannot fill every claim while others wait
@NamedQuery(
    name = OutboxEntry.DUE_UNPAUSED,
    query =
        "SELECT o FROM OutboxEntry o WHERE o.state = :state AND o.dueMillis <= :now"
            + " AND COALESCE(o.account, '') NOT IN :paused ORDER BY o.dueMillis")
@NamedQuery(
    name = OutboxEntry.LEASE_EXPIRED_UNPAUSED,
    query =
        "SELECT o FROM OutboxEntry o WHERE o.state = 'sending' AND o.leaseMillis <= :now"
            + " AND COALESCE(o.account, '') NOT IN :paused ORDER BY o.leaseMillis")
// The health check's backlog age, likewise one state per query (a range of TWILIO_OUTBOX_DUE).
@NamedQuery(
    name = OutboxEntry.OLDEST,
    query = "SELECT MIN(o.createdMillis) FROM OutboxEntry o WHERE o.state = :state")
@NamedQuery(name = OutboxEntry.BY_SID, query = "SELECT o FROM OutboxEntry o WHERE o.sid = :sid")
@NamedQuery(
    name = OutboxEntry.LOG,
    query =
        "SELECT o FROM OutboxEntry o WHERE o.kind = :kind ORDER BY o.createdMillis DESC, o.id DESC")
@NamedQuery(name = OutboxEntry.SIDS, query = "SELECT o.sid FROM OutboxEntry o WHERE o.sid IN :sids")
// Entries in doubt to the same number from the same sender (a range of TWILIO_OUTBOX_DUE per
// state): the siblings a reconciliation must tell apart
@NamedQuery(
    name = OutboxEntry.IN_DOUBT_TO,
    query =
        "SELECT o FROM OutboxEntry o WHERE o.state = :state AND o.kind = :kind AND o.to = :to"
            + " AND o.from = :from")
@NamedNativeQuery(
    name = OutboxEntry.CLAIM,
    query =
        "UPDATE TWILIO_OUTBOX SET STATE = 'sending', IN_DOUBT = 1, OWNER_ID = ?, LEASE_MS = ?,"
            + " ATTEMPTS = ATTEMPTS + 1 - IN_DOUBT, ROW_VERSION = ROW_VERSION + 1, UPDATED_MS = ?"
            + " WHERE ID = ? AND ROW_VERSION = ? AND (STATE <> 'sending' OR LEASE_MS <= ?)")
// A renewal keeps the row's version (the sender's settlement stays valid) and extends only a lease
// that has not run out: a lease that ran out may be another sender's to take, and the claim above
// checks the lease again, so renewal and takeover cannot both succeed.
@NamedNativeQuery(
    name = OutboxEntry.RENEW,
    query =
        "UPDATE TWILIO_OUTBOX SET LEASE_MS = ? WHERE ID = ? AND ROW_VERSION = ?"
            + " AND STATE = 'sending' AND LEASE_MS > ?")
@NamedNativeQuery(
    name = OutboxEntry.SETTLE,
    query =
        "UPDATE TWILIO_OUTBOX SET STATE = ?, IN_DOUBT = ?, DUE_MS = ?, ATTEMPTS = ?, CHECKS = ?,"
            + " SID = COALESCE(?, SID), ERROR_CODE = CAST(? AS INTEGER), ERROR_MESSAGE = ?,"
            + " REASON = ?,"
            + " OWNER_ID = NULL, ROW_VERSION = ROW_VERSION + 1, UPDATED_MS = ?"
            + " WHERE ID = ? AND ROW_VERSION = ?")
// The retention's purge, one settled state at a time (a range of TWILIO_OUTBOX_SETTLED): the status
// history of the entries first, then the entries
@NamedNativeQuery(
    name = OutboxEntry.PURGE_HISTORY,
    query =
        "DELETE FROM TWILIO_OUTBOX_STATUS WHERE OUTBOX_ID IN"
            + " (SELECT ID FROM TWILIO_OUTBOX WHERE STATE = ? AND UPDATED_MS < ?)")
@NamedNativeQuery(
    name = OutboxEntry.PURGE,
    query = "DELETE FROM TWILIO_OUTBOX WHERE STATE = ? AND UPDATED_MS < ?")
@NamedNativeQuery(
    name = OutboxEntry.ANSWERED_STATUS,
    query = "UPDATE TWILIO_OUTBOX SET STATUS = ? WHERE ID = ? AND STATUS_RANK < 0")
public class OutboxEntry {
  static final String DUE = "OutboxEntry.due";
  static final String LEASE_EXPIRED = "OutboxEntry.leaseExpired";
  static final String DUE_UNPAUSED = "OutboxEntry.dueUnpaused";
  static final String LEASE_EXPIRED_UNPAUSED = "OutboxEntry.leaseExpiredUnpaused";
  static final String OLDEST = "OutboxEntry.oldest";
  static final String BY_SID = "OutboxEntry.bySid";
  static final String LOG = "OutboxEntry.log";
  static final String SIDS = "OutboxEntry.sids";
  static final String IN_DOUBT_TO = "OutboxEntry.inDoubtTo";
  static final String CLAIM = "OutboxEntry.claim";
  static final String RENEW = "OutboxEntry.renew";
  static final String SETTLE = "OutboxEntry.settle";
  static final String ANSWERED_STATUS = "OutboxEntry.answeredStatus";
  static final String PURGE_HISTORY = "OutboxEntry.purgeHistory";
  static final String PURGE = "OutboxEntry.purge";

  /** Where an entry stands in the outbox. */
  public enum State {
    /** Waiting to be sent, at {@code DUE_MS} (first try, or again after a 429). */
    PENDING,
    /** Claimed by a sender until {@code LEASE_MS}: the request may be on its way. */
    SENDING,
    /** A request went out and its outcome was lost: Twilio is asked before anything is resent. */
    RECONCILE,
    /** Twilio accepted it: the SID is known. */
    SENT,
    /** Twilio refused it, or could not be reached for all the attempts: nothing was sent. */
    FAILED,
    /** Twilio could not tell whether it had it, after every check: it may or may not be sent. */
    UNKNOWN;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  String id;

  /** {@code sms} or {@code call}. */
  @Column(name = "KIND", length = 4, nullable = false)
  String kind;

  @Column(name = "ACCOUNT", length = 64)
  String account;

  @Column(name = "TO_NUMBER", length = 64, nullable = false)
  String to;

  /** The From number, or the messaging service's SID. */
  @Column(name = "FROM_NUMBER", length = 64)
  String from;

  /** The request ({@code OutgoingSms} or {@code OutgoingCall}) as JSON. */
  @Lob
  @Column(name = "REQUEST_JSON", nullable = false, length = 65536)
  String request;

  /** The origin of the request whose rule sent it, for the rules its outcome raises. */
  @Column(name = "ORIGIN", length = 500)
  String origin;

  @Column(name = "STATE", length = 10, nullable = false)
  String state;

  /** 1 while a request may have gone out whose outcome is not known. */
  @Column(name = "IN_DOUBT", nullable = false)
  int inDoubt;

  @Column(name = "ATTEMPTS", nullable = false)
  int attempts;

  @Column(name = "CHECKS", nullable = false)
  int checks;

  @Column(name = "DUE_MS", nullable = false)
  long dueMillis;

  @Column(name = "OWNER_ID", length = 100)
  String owner;

  @Column(name = "LEASE_MS", nullable = false)
  long leaseMillis;

  @Column(name = "ROW_VERSION", nullable = false)
  long version;

  @Column(name = "CREATED_MS", nullable = false)
  long createdMillis;

  @Column(name = "UPDATED_MS", nullable = false)
  long updatedMillis;

  @Column(name = "SID", length = 64)
  String sid;

  /** Twilio's status: from its answer, then moved forward by status callbacks. */
  @Column(name = "STATUS", length = 20)
  String status;

  /** The rank of the last status a callback brought ({@link StatusOrder}); -1 before any. */
  @Column(name = "STATUS_RANK", nullable = false)
  int statusRank = -1;

  @Column(name = "ERROR_CODE")
  Integer errorCode;

  @Column(name = "ERROR_MESSAGE", length = 500)
  String errorMessage;

  /** Why the outcome is (or was) unknown. */
  @Column(name = "REASON", length = 500)
  String reason;

  /** The trace of the rule that wrote it (W3C {@code traceparent}), for the send to continue. */
  @Column(name = "TRACEPARENT", length = 64)
  String traceparent;

  protected OutboxEntry() {}

  OutboxEntry(
      String id,
      String kind,
      String account,
      String to,
      String from,
      String request,
      String origin,
      long nowMillis) {
    this.id = id;
    this.kind = kind;
    this.account = account;
    this.to = to;
    this.from = from;
    this.request = request;
    this.origin = origin;
    this.state = State.PENDING.code();
    this.dueMillis = nowMillis;
    this.createdMillis = nowMillis;
    this.updatedMillis = nowMillis;
  }

  boolean inDoubt() {
    return inDoubt != 0;
  }

  static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
