package gov.qsmo.workflow.rfi.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** What aggregation found for one response and criterion: the figures, and the outlier decision's flag. */
@Entity
@Table(name = "rfi_criterion_result")
@IdClass(CriterionResult.Key.class)
public class CriterionResult {

  @Column(name = "rfi_id", nullable = false)
  String rfiId;
  @Id
  @Column(name = "response_id")
  public String responseId;
  @Id
  @Column(name = "criterion_position")
  public int criterionPosition;
  @Column(name = "score_count", nullable = false)
  public int scoreCount;
  public Double mean;
  @Column(name = "min_rating")
  public Integer minRating;
  @Column(name = "max_rating")
  public Integer maxRating;
  @Column(name = "standard_deviation")
  public Double standardDeviation;
  @Column(nullable = false)
  public boolean flagged;
  @Column(name = "flag_reasons")
  public String flagReasons;

  protected CriterionResult() {
  }

  CriterionResult(String rfiId, String responseId, int criterionPosition) {
    this.rfiId = rfiId;
    this.responseId = responseId;
    this.criterionPosition = criterionPosition;
  }

  static class Key implements Serializable {
    String responseId;
    int criterionPosition;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(responseId, k.responseId) && criterionPosition == k.criterionPosition;
    }

    @Override
    public int hashCode() {
      return Objects.hash(responseId, criterionPosition);
    }
  }
}
