package gov.qsmo.workflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A federal agency that can lead a QSMO, sit on the board, or respond to the program. */
@Entity
@Table(name = "agency")
public class Agency {

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "short_name", nullable = false)
  private String shortName;

  protected Agency() {
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
}
