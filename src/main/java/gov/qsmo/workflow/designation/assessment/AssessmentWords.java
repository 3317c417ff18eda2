package gov.qsmo.workflow.designation.assessment;

import gov.qsmo.workflow.designation.BoardRecommendation;

/**
 * An assessment's states and the board's recommendations in the words of an assessment. The board votes with the
 * plan review's four recommendations (one voting rule, board-recommendation.dmn); on an assessment they mean continue,
 * continue with corrective actions, return to the director, and do not continue.
 */
final class AssessmentWords {

  private AssessmentWords() {
  }

  static String recommendation(BoardRecommendation recommendation) {
    return switch (recommendation) {
      case ENDORSE -> "Continue";
      case ENDORSE_WITH_CONDITIONS -> "Continue with corrective actions";
      case RETURN_FOR_REVISION -> "Return to the director for revision";
      case NOT_ENDORSE -> "Do not continue (redesignate or rescind)";
    };
  }

  static String status(Assessment.Status status) {
    return switch (status) {
      case SCHEDULED -> "Scheduled for the anniversary";
      case AWAITING_SUBMISSION -> "Waiting for the director's submission";
      case UNDER_BOARD_REVIEW -> "Under board review";
      case AWAITING_OMB_DECISION -> "Awaiting OMB decision";
      case DECIDED -> "Decided";
      case CANCELLED -> "Cancelled";
    };
  }
}
