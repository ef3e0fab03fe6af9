package io.picolabs.twilio.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A status Twilio reported for an outbox entry, once per status: the history of a message or call.
 * Keyed by entry and status, so a repeated callback is recorded once, whichever instance gets it.
 */
@Entity
@Table(name = "TWILIO_OUTBOX_STATUS")
@IdClass(StatusChange.Key.class)
@NamedQuery(
    name = StatusChange.OF_ENTRIES,
    query =
        "SELECT s FROM StatusChange s WHERE s.entry IN :entries ORDER BY s.entry, s.atMillis,"
            + " s.status")
public class StatusChange {
  static final String OF_ENTRIES = "StatusChange.ofEntries";

  @Id
  @Column(name = "OUTBOX_ID", length = 36)
  String entry;

  @Id
  @Column(name = "STATUS", length = 20)
  String status;

  @Column(name = "AT_MS", nullable = false)
  long atMillis;

  @Column(name = "ERROR_CODE")
  Integer errorCode;

  /** Whether it moved the entry's status forward (else it came late, or ranks nowhere). */
  @Column(name = "FORWARD", nullable = false)
  int forward;

  protected StatusChange() {}

  StatusChange(String entry, String status, long atMillis, Integer errorCode, boolean forward) {
    this.entry = entry;
    this.status = status;
    this.atMillis = atMillis;
    this.errorCode = errorCode;
    this.forward = forward ? 1 : 0;
  }

  /** The primary key: entry and status. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String entry;
    String status;

    public Key() {}

    Key(String entry, String status) {
      this.entry = entry;
      this.status = status;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && entry.equals(k.entry) && status.equals(k.status);
    }

    @Override
    public int hashCode() {
      return Objects.hash(entry, status);
    }
  }
}
