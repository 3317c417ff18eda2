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

/** One step in a condition's history: who did what, when, the status it left, and the words they gave. */
@Entity
@Table(name = "designation_condition_event")
public class ConditionEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "condition_id", nullable = false, updatable = false)
  private Long conditionId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private DesignationCondition.Status status;

  @Column(updatable = false)
  private String text;

  protected ConditionEvent() {
  }

  ConditionEvent(Long conditionId, Instant occurredAt, String actor, String action, DesignationCondition.Status status,
      String text) {
    this.conditionId = conditionId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.status = status;
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public Long getConditionId() {
    return conditionId;
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

  public DesignationCondition.Status getStatus() {
    return status;
  }

  public String getText() {
    return text;
  }
}
