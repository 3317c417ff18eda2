package gov.qsmo.workflow.rfi;

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
class CriterionResult {

  @Column(name = "rfi_id", nullable = false)
  String rfiId;
  @Id
  @Column(name = "response_id")
  String responseId;
  @Id
  @Column(name = "criterion_position")
  int criterionPosition;
  @Column(name = "score_count", nullable = false)
  int scoreCount;
  Double mean;
  @Column(name = "min_rating")
  Integer minRating;
  @Column(name = "max_rating")
  Integer maxRating;
  @Column(name = "standard_deviation")
  Double standardDeviation;
  @Column(nullable = false)
  boolean flagged;
  @Column(name = "flag_reasons")
  String flagReasons;

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
