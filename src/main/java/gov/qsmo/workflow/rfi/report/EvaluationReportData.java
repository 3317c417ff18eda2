package gov.qsmo.workflow.rfi.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything a final RFI evaluation report shows, already gathered and ranked by the caller. The
 * renderers ({@link EvaluationReportPdf}, {@link EvaluationReportCsv}) only lay it out: they compute
 * nothing that changes the evaluation (the score distribution chart is a count of the scores given).
 *
 * <p>Every string may be null, every list may be null or empty, and every instant may be null; the
 * renderers print such gaps as "not recorded" (or an empty CSV cell) instead of failing.
 *
 * @param status for example "Draft for approval" or "Approved"
 * @param responses ranked, rank 1 first
 */
public record EvaluationReportData(String rfiId, String title, String description, String issuingAgency,
    List<String> topics, Instant closesAt, Instant generatedAt, String status,
    Scale scale, List<Criterion> criteria, List<PanelMember> panel, List<Screening> screening,
    List<ResponseResult> responses, List<IndividualScore> individualScores,
    List<Approval> approvals, String proprietaryStatement, List<String> themes, List<String> recommendations) {

  /**
   * The rating scale of the frozen evaluation plan.
   *
   * @param type NUMERIC or ADJECTIVAL
   * @param levels ascending value
   */
  public record Scale(String type, List<Level> levels) {

    /** The label of the level with this value, or null when the scale has no such level. */
    public String labelOf(int value) {
      if (levels != null) {
        for (Level level : levels) {
          if (level != null && level.value() == value) {
            return level.label();
          }
        }
      }
      return null;
    }
  }

  /** One level of the rating scale with its written definition. */
  public record Level(int value, String label, String definition) {
  }

  /**
   * One evaluation criterion of the frozen plan.
   *
   * @param weight percent; the weights of all criteria total 100
   */
  public record Criterion(int position, String name, String guidance, int weight) {
  }

  /**
   * A panel member and the conflict-of-interest and non-disclosure attestation they signed.
   *
   * @param role CHAIR or REVIEWER
   * @param attestedAt null while the member has not signed
   */
  public record PanelMember(String userId, String displayName, String role,
      Instant attestedAt, String attestationVersion, String conflictStatement,
      List<String> recusedFromResponseIds) {
  }

  /**
   * The screening of one response before evaluation.
   *
   * @param overrideReason null if the screening result was not overridden
   */
  public record Screening(String responseId, String organization, Instant receivedAt, boolean late,
      boolean allTopicsAnswered, boolean eligible, String overrideReason, String confirmedBy) {
  }

  /** One ranked response with its consensus result per criterion and any dissent. */
  public record ResponseResult(int rank, String responseId, String organization, double weightedTotal,
      List<CriterionResult> criteria, String dissent) {
  }

  /**
   * The individual scores and the consensus for one response and criterion.
   *
   * @param consensusRating null while the panel has not recorded a consensus
   */
  public record CriterionResult(String criterionName, int weight, int scoreCount, double mean, int min, int max,
      double standardDeviation, boolean flagged, String flagReasons, Integer consensusRating,
      String consensusLabel, String consensusRationale) {
  }

  /**
   * One version of one reviewer's worksheet entry; corrections are new versions, and superseded
   * versions stay on record with {@code current == false}.
   */
  public record IndividualScore(String responseId, String organization, String reviewerId, String criterionName,
      int rating, String strengths, String weaknesses, String rationale, int version, boolean current,
      Instant submittedAt) {
  }

  /** One step of the report's approval. */
  public record Approval(String step, String userId, String decision, String comment, Instant at) {
  }
}
