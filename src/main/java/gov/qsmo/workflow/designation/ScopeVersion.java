package gov.qsmo.workflow.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One version of a designation's scope: version 1 is the scope OMB designated, each amendment the next. */
@Entity
@Table(name = "designation_scope_version")
@IdClass(ScopeVersion.Key.class)
public class ScopeVersion {

  /** The composite key: designation and version. */
  public record Key(String designationId, int version) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Id
  @Column(nullable = false, updatable = false)
  private int version;

  @Column(nullable = false, updatable = false)
  private String scope;

  @Column(name = "changed_by", nullable = false, updatable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  @Column(updatable = false)
  private String reason;

  protected ScopeVersion() {
  }

  ScopeVersion(String designationId, int version, String scope, String changedBy, Instant changedAt, String reason) {
    this.designationId = designationId;
    this.version = version;
    this.scope = scope;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.reason = reason;
  }

  public String getDesignationId() {
    return designationId;
  }

  public int getVersion() {
    return version;
  }

  public String getScope() {
    return scope;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getReason() {
    return reason;
  }
}
