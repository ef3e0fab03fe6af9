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
 * The answer given to one webhook delivery, under the SHA-256 of its path and idempotency token: a
 * row without an answer is a delivery still being answered.
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
    name = StoredAnswer.ANSWER,
    query = "UPDATE TWILIO_REPLAY SET ANSWER = ? WHERE DELIVERY_KEY = ?")
@NamedQuery(name = StoredAnswer.RELEASE, query = "DELETE FROM StoredAnswer a WHERE a.key = :key")
public class StoredAnswer {
  static final String EXPIRED = "StoredAnswer.expired";
  static final String ANSWER = "StoredAnswer.answer";
  static final String RELEASE = "StoredAnswer.release";

  @Id
  @Column(name = "DELIVERY_KEY", length = 64)
  String key;

  @Lob
  @Column(name = "ANSWER", length = 65536)
  String answer;

  @Column(name = "EXPIRES_MS", nullable = false)
  long expiresMillis;

  protected StoredAnswer() {}

  StoredAnswer(String key, long expiresMillis) {
    this.key = key;
    this.expiresMillis = expiresMillis;
  }
}
