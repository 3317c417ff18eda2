package gov.qsmo.workflow.designation.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One assessment of a designated QSMO: annual, at the anniversary of its effective date, or ordered by OMB. */
@Entity
@Table(name = "qsmo_assessment")
public class Assessment {

  /** Why the assessment happens. */
  public enum Kind { ANNUAL, ORDERED }

  /** Where an assessment stands. */
  public enum Status {
    /** Annual: waits for the anniversary of the effective date. */
    SCHEDULED,
    /** The QSMO's director owes the assessment. */
    AWAITING_SUBMISSION,
    /** The governance board reviews it. */
    UNDER_BOARD_REVIEW,
    /** The board recommended (or the review was escalated): OMB decides. */
    AWAITING_OMB_DECISION,
    /** OMB decided. */
    DECIDED,
    /** Ended without a decision: its QSMO was superseded or rescinded, or its process deleted. */
    CANCELLED;

    public boolean closed() {
      return this == DECIDED || this == CANCELLED;
    }
  }

  /** OMB's decision on an assessment. */
  public enum Decision {
    CONTINUE("Continue"),
    CORRECTIVE_ACTION("Continue with a corrective action plan"),
    REDESIGNATE("Redesignate to another agency"),
    RESCIND("Rescind the designation");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(name = "as_of", nullable = false, updatable = false)
  private LocalDate asOf;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "ordered_by", updatable = false)
  private String orderedBy;

  @Column(name = "order_reason", updatable = false)
  private String orderReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Assessment() {
  }

  private Assessment(String designationId, Kind kind, LocalDate asOf, Status status, String orderedBy,
      String orderReason, Instant now) {
    this.designationId = designationId;
    this.kind = kind;
    this.asOf = asOf;
    this.status = status;
    this.orderedBy = orderedBy;
    this.orderReason = orderReason;
    this.createdAt = now;
    this.updatedAt = now;
  }

  static Assessment annual(String designationId, LocalDate anniversary, Instant now) {
    return new Assessment(designationId, Kind.ANNUAL, anniversary, Status.SCHEDULED, null, null, now);
  }

  static Assessment ordered(String designationId, LocalDate today, String actor, String reason, Instant now) {
    return new Assessment(designationId, Kind.ORDERED, today, Status.AWAITING_SUBMISSION, actor, reason, now);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void moveTo(Status next, Instant now) {
    this.status = next;
    this.updatedAt = now;
  }

  void decide(Decision decision, String reason, String actor, Instant now) {
    this.decision = decision;
    this.decisionReason = reason;
    this.decidedBy = actor;
    this.decidedAt = now;
    moveTo(Status.DECIDED, now);
  }

  public Long getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
  }

  public Kind getKind() {
    return kind;
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  public Status getStatus() {
    return status;
  }

  public String getOrderedBy() {
    return orderedBy;
  }

  public String getOrderReason() {
    return orderReason;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getDecisionReason() {
    return decisionReason;
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

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
