package gov.qsmo.workflow.rfi;

/** The choices of the RFI forms' radio buttons. */
final class RfiChoices {

  private RfiChoices() {
  }

  enum PlanDecision { APPROVE, RETURN }

  enum ScreeningDecision { CONFIRM, OVERRIDE }

  enum ReassignAction { ADD_REVIEWERS, PROCEED }

  enum MissingScoresAction { REASSIGN, PROCEED }

  enum ReportDecision { APPROVE, RETURN }
}
