package gov.qsmo.workflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A federal agency that can lead a QSMO, sit on the board, or buy from a marketplace. OMB adds,
 * renames and retires agencies; the code never changes.
 */
@Entity
@Table(name = "agency")
public class Agency {

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "short_name", nullable = false)
  private String shortName;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected Agency() {
  }

  Agency(String code, String name, String shortName) {
    this.code = code;
    this.name = name;
    this.shortName = shortName;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getShortName() {
    return shortName;
  }

  /** When OMB retired the agency from new work, or null while it is active. */
  public Instant getRetiredAt() {
    return retiredAt;
  }

  public boolean isActive() {
    return retiredAt == null;
  }

  void rename(String name, String shortName) {
    this.name = name;
    this.shortName = shortName;
  }

  void retire(Instant at) {
    this.retiredAt = at;
  }

  void restore() {
    this.retiredAt = null;
  }
}
