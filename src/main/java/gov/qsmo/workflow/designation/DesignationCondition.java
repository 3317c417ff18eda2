package gov.qsmo.workflow.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A condition the board attached to its endorsement; open until a later plan version resolves it. */
@Entity
@Table(name = "designation_condition")
public class DesignationCondition {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(name = "round_id", nullable = false, updatable = false)
  private Long roundId;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(nullable = false)
  private String status = "OPEN";

  protected DesignationCondition() {
  }

  DesignationCondition(String designationId, Long roundId, String text) {
    this.designationId = designationId;
    this.roundId = roundId;
    this.text = text;
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

  public String getStatus() {
    return status;
  }
}
