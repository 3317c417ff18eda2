package gov.qsmo.workflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to the reference data: who changed which agency or area, how, and when. */
@Entity
@Table(name = "reference_data_change")
public class ReferenceDataChange {

  /** What happened to the agency or area. */
  public enum Action { ADDED, CHANGED, RETIRED, RESTORED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReferenceKind kind;

  @Column(nullable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Action action;

  @Column(nullable = false)
  private String detail;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected ReferenceDataChange() {
  }

  ReferenceDataChange(ReferenceKind kind, String code, Action action, String detail, String changedBy,
      Instant changedAt) {
    this.kind = kind;
    this.code = code;
    this.action = action;
    this.detail = detail;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  public ReferenceKind getKind() {
    return kind;
  }

  public String getCode() {
    return code;
  }

  public Action getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
