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

/** One step of an assessment's record: who did what, when, and why. Never updated. */
@Entity
@Table(name = "qsmo_assessment_event")
public class AssessmentEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "assessment_id", nullable = false, updatable = false)
  private Long assessmentId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Assessment.Status status;

  @Column(updatable = false)
  private String text;

  protected AssessmentEvent() {
  }

  AssessmentEvent(Long assessmentId, Instant occurredAt, String actor, String action, Assessment.Status status,
      String text) {
    this.assessmentId = assessmentId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.status = status;
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public Assessment.Status getStatus() {
    return status;
  }

  public String getText() {
    return text;
  }
}
