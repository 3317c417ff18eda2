package gov.qsmo.workflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A mission-support function for which OMB designates a QSMO (cybersecurity, grants, HR...). OMB adds
 * new areas over time, renames and retires them; the code never changes.
 */
@Entity
@Table(name = "functional_area")
public class FunctionalArea {

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String description;

  @Column(name = "lead_agency_code")
  private String leadAgencyCode;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected FunctionalArea() {
  }

  FunctionalArea(String code, String name, String description, String leadAgencyCode) {
    this.code = code;
    this.name = name;
    this.description = description;
    this.leadAgencyCode = leadAgencyCode;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getLeadAgencyCode() {
    return leadAgencyCode;
  }

  /** When OMB retired the area from new designations, or null while it is active. */
  public Instant getRetiredAt() {
    return retiredAt;
  }

  public boolean isActive() {
    return retiredAt == null;
  }

  void change(String name, String description, String leadAgencyCode) {
    this.name = name;
    this.description = description;
    this.leadAgencyCode = leadAgencyCode;
  }

  void retire(Instant at) {
    this.retiredAt = at;
  }

  void restore() {
    this.retiredAt = null;
  }
}
