package gov.qsmo.workflow.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of an offering: who, when, what (added, seeded from a plan, changed) and what changed, in words. */
@Entity
@Table(name = "marketplace_offering_change")
public class OfferingChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "offering_id", nullable = false, updatable = false)
  private Long offeringId;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(name = "changed_by", nullable = false, updatable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(nullable = false, updatable = false)
  private String summary;

  protected OfferingChange() {
  }

  OfferingChange(Long offeringId, int version, String changedBy, Instant changedAt, String action, String summary) {
    this.offeringId = offeringId;
    this.version = version;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.action = action;
    this.summary = summary;
  }

  public int getVersion() {
    return version;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getAction() {
    return action;
  }

  public String getSummary() {
    return summary;
  }
}
