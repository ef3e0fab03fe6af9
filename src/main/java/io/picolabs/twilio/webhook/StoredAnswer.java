package io.picolabs.twilio.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The answer given to one webhook delivery, under the SHA-256 of its path and idempotency token,
 * kept until the idempotency window ends ({@code EXPIRES_MS}). The row is written with the first
 * commit of the delivery's rules' effects ({@code RULES_COMMITTED}, the delivery's {@code
 * CLAIM_ID}) or, for rules that wrote nothing, with the answer. A row without an answer and without
 * a commit is a claim made before the rules ran, as releases before 2026-12 did, held until {@code
 * EXPIRES_MS} (a lease).
 */
@Entity
// the purge deletes by expiry: an index, lest it scan every answer of the window
@Table(
    name = "TWILIO_REPLAY",
    indexes = @Index(name = "TWILIO_REPLAY_EXPIRES", columnList = "EXPIRES_MS"))
@NamedQuery(
    name = StoredAnswer.EXPIRED,
    query = "DELETE FROM StoredAnswer a WHERE a.expiresMillis <= :now")
// native, so that Derby gets one prepared statement with bound values (see StoredVariable)
@NamedNativeQuery(
    name = StoredAnswer.COMMITTED,
    query =
        "UPDATE TWILIO_REPLAY SET RULES_COMMITTED = 1, EXPIRES_MS = ?"
            + " WHERE DELIVERY_KEY = ? AND CLAIM_ID = ?")
@NamedNativeQuery(
    name = StoredAnswer.FIRST_COMMIT,
    query =
        "INSERT INTO TWILIO_REPLAY (DELIVERY_KEY, CLAIM_ID, EXPIRES_MS, RULES_COMMITTED)"
            + " VALUES (?, ?, ?, 1)")
// the last rule's commit, with what the rules answered: the delivery's one write
@NamedNativeQuery(
    name = StoredAnswer.FIRST_COMMIT_ANSWERED,
    query =
        "INSERT INTO TWILIO_REPLAY (DELIVERY_KEY, CLAIM_ID, ANSWER, EXPIRES_MS, RULES_COMMITTED)"
            + " VALUES (?, ?, ?, ?, 1)")
@NamedNativeQuery(
    name = StoredAnswer.COMMITTED_ANSWERED,
    query =
        "UPDATE TWILIO_REPLAY SET RULES_COMMITTED = 1, ANSWER = ?, EXPIRES_MS = ?"
            + " WHERE DELIVERY_KEY = ? AND CLAIM_ID = ?")
@NamedQuery(
    name = StoredAnswer.OVER,
    query =
        "DELETE FROM StoredAnswer a WHERE a.key = :key AND a.expiresMillis <= :now"
            + " AND a.rulesCommitted = 0 AND a.answer IS NULL")
public class StoredAnswer {
  static final String EXPIRED = "StoredAnswer.expired";
  static final String COMMITTED = "StoredAnswer.committed";
  static final String OVER = "StoredAnswer.over";
  static final String FIRST_COMMIT = "StoredAnswer.firstCommit";
  static final String FIRST_COMMIT_ANSWERED = "StoredAnswer.firstCommitAnswered";
  static final String COMMITTED_ANSWERED = "StoredAnswer.committedAnswered";
  // run as plain JDBC (ReplayStore.answerAll)
  static final String ANSWER_SQL =
      "UPDATE TWILIO_REPLAY SET ANSWER = ?, EXPIRES_MS = ? WHERE DELIVERY_KEY = ? AND CLAIM_ID = ?";
  static final String FIRST_ANSWER_SQL =
      "INSERT INTO TWILIO_REPLAY (DELIVERY_KEY, CLAIM_ID, ANSWER, EXPIRES_MS, RULES_COMMITTED)"
          + " VALUES (?, ?, ?, ?, 0)";

  @Id
  @Column(name = "DELIVERY_KEY", length = 64)
  String key;

  @Lob
  @Column(name = "ANSWER", length = 65536)
  String answer;

  @Column(name = "EXPIRES_MS", nullable = false)
  long expiresMillis;

  @Column(name = "CLAIM_ID", length = 36)
  String claimId;

  @Column(name = "RULES_COMMITTED", nullable = false)
  int rulesCommitted;

  protected StoredAnswer() {}
}
