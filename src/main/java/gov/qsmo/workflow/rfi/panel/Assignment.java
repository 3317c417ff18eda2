package gov.qsmo.workflow.rfi.panel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewer's job of scoring one response: one "Score RFI response" task each. */
@Entity
@Table(name = "rfi_assignment")
public class Assignment {

  public enum Status {
    /** Waiting for the reviewer's scores. */
    ASSIGNED,
    SCORED,
    /** The deadline passed and the chair proceeded without these scores. */
    WAIVED,
    /**
     * Given to another reviewer: by the chair after the deadline passed (missing scores), or moved by the chair
     * before it (PanelChangeService).
     */
    REASSIGNED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
  @Column(name = "rfi_id", nullable = false, updatable = false)
  public String rfiId;
  @Column(name = "response_id", nullable = false, updatable = false)
  public String responseId;
  @Column(name = "reviewer_id", nullable = false, updatable = false)
  public String reviewerId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;
  @Column(name = "assigned_at", nullable = false, updatable = false)
  public Instant assignedAt;
  @Column(name = "closed_at")
  public Instant closedAt;
  @Column(name = "closed_by")
  public String closedBy;

  protected Assignment() {
  }

  public Assignment(String rfiId, String responseId, String reviewerId, Instant assignedAt) {
    this.rfiId = rfiId;
    this.responseId = responseId;
    this.reviewerId = reviewerId;
    this.assignedAt = assignedAt;
    this.status = Status.ASSIGNED;
  }
}
