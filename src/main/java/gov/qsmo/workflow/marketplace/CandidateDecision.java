package gov.qsmo.workflow.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The QSMO's decision on a completed RFI's ranked responses: which become candidate offerings. One per RFI. */
@Entity
@Table(name = "marketplace_rfi_decision")
public class CandidateDecision {

  public enum Status { PENDING, DECIDED, CANCELLED }

  @Id
  @Column(name = "rfi_id")
  private String rfiId;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private Integer candidates;

  private String note;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CandidateDecision() {
  }

  CandidateDecision(String rfiId, String designationId, Instant now) {
    this.rfiId = rfiId;
    this.designationId = designationId;
    this.status = Status.PENDING;
    this.createdAt = now;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void cancel(String why, Instant now) {
    this.status = Status.CANCELLED;
    this.note = why;
    this.decidedAt = now;
  }

  void decide(int candidates, String note, String actor, Instant now) {
    this.status = Status.DECIDED;
    this.candidates = candidates;
    this.note = note;
    this.decidedBy = actor;
    this.decidedAt = now;
  }

  public String getRfiId() {
    return rfiId;
  }

  public String getDesignationId() {
    return designationId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Status getStatus() {
    return status;
  }

  public Integer getCandidates() {
    return candidates;
  }

  public String getNote() {
    return note;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
