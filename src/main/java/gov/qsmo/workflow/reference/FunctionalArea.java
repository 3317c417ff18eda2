package gov.qsmo.workflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mission-support function for which OMB designates a QSMO (cybersecurity, grants, HR...). */
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

  protected FunctionalArea() {
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
}
