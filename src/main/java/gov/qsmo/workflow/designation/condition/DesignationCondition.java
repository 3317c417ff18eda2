package gov.qsmo.workflow.designation.condition;

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

/**
 * A condition of the board's endorsement or of OMB's designation. When the QSMO is designated it gets an owner
 * (the agency's QSMO directors), a due date and a process of its own ({@code designation-condition}), which
 * follows it until OMB marks it met or not met.
 */
@Entity
@Table(name = "designation_condition")
public class DesignationCondition {

  /** Who set the condition. */
  public enum Source { BOARD, OMB, CORRECTIVE_ACTION }

  /** Where a condition stands. */
  public enum Status {
    /** Set, and (once the QSMO is designated) waiting for the director's progress report. */
    OPEN,
    /** The director reported progress: OMB decides whether it is met. */
    REPORTED,
    /** Not met at its due date: OMB extends it or closes it. */
    OVERDUE,
    MET,
    NOT_MET,
    /** The QSMO was superseded before the condition was closed. */
    WITHDRAWN;

    public boolean closed() {
      return this == MET || this == NOT_MET || this == WITHDRAWN;
    }

    /** The status in words, as forms and messages show it. */
    public String words() {
      return switch (this) {
        case OPEN -> "Open";
        case REPORTED -> "Progress reported, waiting for OMB";
        case OVERDUE -> "Overdue, with OMB";
        case MET -> "Met";
        case NOT_MET -> "Not met";
        case WITHDRAWN -> "Withdrawn (the QSMO was superseded or its designation rescinded)";
      };
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(name = "round_id", updatable = false)
  private Long roundId;

  @Column(nullable = false, updatable = false)
  private String text;

  /** The assessment whose decision set this corrective action; null for a designation's condition. */
  @Column(name = "assessment_id", updatable = false)
  private Long assessmentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Source source = Source.BOARD;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status = Status.OPEN;

  @Column(name = "owner_group")
  private String ownerGroup;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected DesignationCondition() {
  }

  private DesignationCondition(String designationId, Long roundId, String text, Source source) {
    this.designationId = designationId;
    this.roundId = roundId;
    this.text = text;
    this.source = source;
  }

  /** A condition the board attached to its endorsement in a round. */
  public static DesignationCondition ofBoard(String designationId, Long roundId, String text) {
    return new DesignationCondition(designationId, roundId, text, Source.BOARD);
  }

  /** A condition OMB attached to its designation. */
  static DesignationCondition ofOmb(String designationId, String text) {
    return new DesignationCondition(designationId, null, text, Source.OMB);
  }

  /** A corrective action OMB set when it decided an assessment: followed like a condition. */
  static DesignationCondition correctiveAction(String designationId, Long assessmentId, String text) {
    DesignationCondition action = new DesignationCondition(designationId, null, text, Source.CORRECTIVE_ACTION);
    action.assessmentId = assessmentId;
    return action;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  void track(String ownerGroup, LocalDate dueDate, String processInstanceId, Instant at) {
    this.ownerGroup = ownerGroup;
    this.dueDate = dueDate;
    this.processInstanceId = processInstanceId;
    this.updatedAt = at;
  }

  void moveTo(Status status, Instant at) {
    this.status = status;
    this.updatedAt = at;
  }

  void decide(Status status, String reason, Instant at) {
    moveTo(status, at);
    this.decisionReason = reason;
  }

  void extendTo(LocalDate dueDate, Instant at) {
    this.dueDate = dueDate;
    moveTo(Status.OPEN, at);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
  }

  public Long getRoundId() {
    return roundId;
  }

  public String getText() {
    return text;
  }

  public Source getSource() {
    return source;
  }

  public Status getStatus() {
    return status;
  }

  public String getOwnerGroup() {
    return ownerGroup;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
