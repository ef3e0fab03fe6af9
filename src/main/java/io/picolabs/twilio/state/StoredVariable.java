package io.picolabs.twilio.state;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A variable's row. The version is checked by {@link JpaVariables}' own conditional statements
 * rather than JPA's {@code @Version}, because the value a rule read and the write it makes happen
 * in different transactions (the read while the rule runs, the write when it returns).
 */
@Entity
@Table(
    name = "TWILIO_VARIABLE",
    indexes = {
      @Index(name = "TWILIO_VARIABLE_NAMED", columnList = "VAR_SCOPE,VAR_NAME,UPDATED_MS"),
      // the purge of expired call variables deletes by expiry
      @Index(name = "TWILIO_VARIABLE_EXPIRES", columnList = "EXPIRES_MS")
    })
@IdClass(StoredVariable.Key.class)
// The updates are native SQL: EclipseLink sends the JPQL form (SET version = version + 1) to Derby
// unbound, as a new statement each time, and Derby compiles each into bytecode (measured: most of
// a stateful webhook's time; docs/adr/0005-variable-updates-as-prepared-native-sql.md). These are
// prepared once and bound.
@NamedNativeQuery(
    name = StoredVariable.UPDATE,
    query =
        "UPDATE TWILIO_VARIABLE SET VAR_JSON = ?, VAR_VERSION = VAR_VERSION + 1, UPDATED_MS = ?,"
            + " EXPIRES_MS = ? WHERE VAR_SCOPE = ? AND VAR_OWNER = ? AND VAR_NAME = ?")
@NamedNativeQuery(
    name = StoredVariable.UPDATE_IF,
    query =
        "UPDATE TWILIO_VARIABLE SET VAR_JSON = ?, VAR_VERSION = VAR_VERSION + 1, UPDATED_MS = ?,"
            + " EXPIRES_MS = ? WHERE VAR_SCOPE = ? AND VAR_OWNER = ? AND VAR_NAME = ?"
            + " AND VAR_VERSION = ?")
@NamedQuery(
    name = StoredVariable.DELETE,
    query =
        "DELETE FROM StoredVariable v"
            + " WHERE v.scope = :scope AND v.owner = :owner AND v.name = :name")
@NamedQuery(
    name = StoredVariable.DELETE_IF,
    query =
        "DELETE FROM StoredVariable v"
            + " WHERE v.scope = :scope AND v.owner = :owner AND v.name = :name"
            + " AND v.version = :version")
@NamedQuery(
    name = StoredVariable.OF_OWNER,
    query =
        "SELECT v FROM StoredVariable v WHERE v.scope = :scope AND v.owner = :owner"
            + " AND (v.expiresMillis = 0 OR v.expiresMillis > :now) ORDER BY v.name")
@NamedQuery(
    name = StoredVariable.NEWEST,
    query =
        "SELECT v FROM StoredVariable v WHERE v.scope = :scope AND v.name = :name"
            + " AND (v.expiresMillis = 0 OR v.expiresMillis > :now)"
            + " ORDER BY v.updatedMillis DESC, v.owner")
@NamedQuery(
    name = StoredVariable.DELETE_OWNER,
    query = "DELETE FROM StoredVariable v WHERE v.scope = :scope AND v.owner = :owner")
@NamedQuery(
    name = StoredVariable.DELETE_EXPIRED,
    query = "DELETE FROM StoredVariable v WHERE v.expiresMillis <> 0 AND v.expiresMillis <= :now")
public class StoredVariable {
  static final String UPDATE = "StoredVariable.update";
  static final String UPDATE_IF = "StoredVariable.updateIf";
  static final String DELETE = "StoredVariable.delete";
  static final String DELETE_IF = "StoredVariable.deleteIf";
  static final String OF_OWNER = "StoredVariable.ofOwner";
  static final String NEWEST = "StoredVariable.newest";
  static final String DELETE_OWNER = "StoredVariable.deleteOwner";
  static final String DELETE_EXPIRED = "StoredVariable.deleteExpired";

  /** Room for the largest value {@link JsonValues} lets through. */
  static final int JSON_COLUMN_LENGTH = JsonValues.MAX_BYTES;

  @Id
  @Column(name = "VAR_SCOPE", length = 4)
  String scope;

  @Id
  @Column(name = "VAR_OWNER", length = VarKey.MAX_LENGTH)
  String owner;

  @Id
  @Column(name = "VAR_NAME", length = VarKey.MAX_LENGTH)
  String name;

  @Lob
  @Column(name = "VAR_JSON", nullable = false, length = JSON_COLUMN_LENGTH)
  String json;

  @Column(name = "VAR_VERSION", nullable = false)
  long version;

  @Column(name = "UPDATED_MS", nullable = false)
  long updatedMillis;

  /** When a call variable's time is up; 0 for never. */
  @Column(name = "EXPIRES_MS", nullable = false)
  long expiresMillis;

  protected StoredVariable() {}

  StoredVariable(VarKey key, String json, long nowMillis, long expiresMillis) {
    this.scope = key.scope().code();
    this.owner = key.owner();
    this.name = key.name();
    this.json = json;
    this.version = 1;
    this.updatedMillis = nowMillis;
    this.expiresMillis = expiresMillis;
  }

  boolean expired(long nowMillis) {
    return expiresMillis != 0 && expiresMillis <= nowMillis;
  }

  /** The primary key: scope, owner, name. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String scope;
    String owner;
    String name;

    public Key() {}

    Key(VarKey key) {
      this.scope = key.scope().code();
      this.owner = key.owner();
      this.name = key.name();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && scope.equals(k.scope)
          && owner.equals(k.owner)
          && name.equals(k.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(scope, owner, name);
    }
  }
}
