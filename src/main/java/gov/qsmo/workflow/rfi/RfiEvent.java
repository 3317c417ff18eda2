package gov.qsmo.workflow.rfi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an RFI's audit trail: who did what, when, and why. Never updated. */
@Entity
@Table(name = "rfi_event")
public class RfiEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(name = "rfi_id", nullable = false, updatable = false)
  String rfiId;
  @Column(name = "occurred_at", nullable = false, updatable = false)
  public Instant occurredAt;
  @Column(nullable = false, updatable = false)
  public String actor;
  @Column(nullable = false, updatable = false)
  public String action;
  @Column(updatable = false)
  public String detail;

  protected RfiEvent() {
  }

  RfiEvent(String rfiId, Instant occurredAt, String actor, String action, String detail) {
    this.rfiId = rfiId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.detail = detail;
  }
}
