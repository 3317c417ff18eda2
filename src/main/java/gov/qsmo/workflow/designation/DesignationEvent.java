package gov.qsmo.workflow.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a designation's audit trail: who did what, when, and why. Never updated. */
@Entity
@Table(name = "designation_event")
public class DesignationEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false)
  private String designationId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DesignationStatus status;

  private String reason;

  protected DesignationEvent() {
  }

  DesignationEvent(String designationId, Instant occurredAt, String actor, String action,
      DesignationStatus status, String reason) {
    this.designationId = designationId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.status = status;
    this.reason = reason;
  }

  public Long getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
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

  public DesignationStatus getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }
}
